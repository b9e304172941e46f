package io.zoomdex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoomSettingsLoaderTest {
  @TempDir Path dir;

  private static final Map<String, String> ENV =
      Map.of(
          "ZOOM_ACCOUNT_ID",
          "env-acct",
          "ZOOM_CLIENT_ID",
          "env-client",
          "ZOOM_CLIENT_SECRET",
          "env-secret");

  private static ZoomFlags flags(String accountId, Path file) {
    return new ZoomFlags(accountId, null, null, null, null, null, null, null, null, file);
  }

  private Path file(String text) throws Exception {
    Path path = dir.resolve("zoomdex.properties");
    Files.writeString(path, text);
    return path;
  }

  @Test
  void flagBeatsEnvironmentWhichBeatsFile() throws Exception {
    Path file =
        file(
            "zoom.account_id=file-acct\nzoom.client_id=file-client\nzoom.client_secret=file-secret\n"
                + "zoom.concurrency=7\nzoom.api_url=https://api-eu.zoom.us/v2\n");
    ZoomSettings settings = new ZoomSettingsLoader(ENV).load(flags("flag-acct", file));
    assertThat(settings.accountId()).isEqualTo("flag-acct");
    assertThat(settings.clientId()).isEqualTo("env-client");
    assertThat(settings.clientSecret().reveal()).isEqualTo("env-secret");
    assertThat(settings.concurrency()).isEqualTo(7);
    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api-eu.zoom.us/v2"));
    assertThat(settings.apiUrlExplicit()).isTrue();
  }

  @Test
  void fileAlone_suppliesCredentials_andDefaultsApply() throws Exception {
    Path file = file("zoom.account_id=a\nzoom.client_id=c\nzoom.client_secret=s\n");
    ZoomSettings settings = new ZoomSettingsLoader(Map.of()).load(flags(null, file));
    assertThat(settings.accountId()).isEqualTo("a");
    assertThat(settings.apiUrl()).isEqualTo(ZoomSettings.DEFAULT_API_URL);
    assertThat(settings.apiUrlExplicit()).isFalse();
    assertThat(settings.tokenUrl()).isEqualTo(URI.create("https://zoom.us/oauth/token"));
    assertThat(settings.concurrency()).isEqualTo(4);
    assertThat(settings.rateLimits().rate(RateLabel.MEDIUM)).isEqualTo(16.0);
  }

  @Test
  void unknownKeyInTheFile_isRefusedNamingItAndTheKnownKeys() throws Exception {
    Path file = file("zoom.account_id=a\nconcurrency=7\n");
    assertThatThrownBy(() -> new ZoomSettingsLoader(ENV).load(flags(null, file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'concurrency'")
        .hasMessageContaining("zoom.concurrency");
  }

  @Test
  void webhookSecret_fromEnvironmentBeforeFile_andEmptyWhenNeitherSetsIt() throws Exception {
    Path file = file("zoom.webhook_secret=file-hook\n");
    assertThat(new ZoomSettingsLoader(Map.of()).webhookSecret(flags(null, file)))
        .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo("file-hook"));
    assertThat(
            new ZoomSettingsLoader(Map.of("ZOOM_WEBHOOK_SECRET", "env-hook"))
                .webhookSecret(flags(null, file)))
        .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo("env-hook"));
    assertThat(new ZoomSettingsLoader(ENV).webhookSecret(flags(null, null))).isEmpty();
  }

  @Test
  void freePlanWithShare_setsRatesAndDailyCaps() {
    ZoomFlags flags = new ZoomFlags(null, null, null, null, null, "free", "0.5", null, null, null);
    RateLimits limits = new ZoomSettingsLoader(ENV).load(flags).rateLimits();
    assertThat(limits.rate(RateLabel.LIGHT)).isEqualTo(2.0);
    assertThat(limits.dailyCap(RateLabel.MEDIUM)).isEqualTo(1000);
  }

  @Test
  void missingAccountId_namesTheSettingAndWhereToSetIt() {
    assertThatThrownBy(() -> new ZoomSettingsLoader(Map.of()).load(ZoomFlags.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ZOOM_ACCOUNT_ID")
        .hasMessageContaining("zoom.account_id")
        .hasMessageContaining("--account-id");
  }

  @Test
  void malformedSettings_giveOneSentenceNamingTheSetting() throws Exception {
    assertThatThrownBy(
            () ->
                new ZoomSettingsLoader(Map.of("ZOOM_RATE_SHARE", "1.5"))
                    .load(new ZoomFlags("a", "c", "s", null, null, null, null, null, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ZOOM_RATE_SHARE")
        .hasMessageContaining("at most 1");
    assertThatThrownBy(
            () ->
                new ZoomSettingsLoader(ENV)
                    .load(
                        new ZoomFlags(
                            null, null, null, "api.zoom.us", null, null, null, null, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--api-url")
        .hasMessageContaining("https://api.zoom.us/v2");
    assertThatThrownBy(
            () ->
                new ZoomSettingsLoader(ENV)
                    .load(
                        new ZoomFlags(
                            null, null, null, null, null, "enterprise", null, null, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("free, pro or business");
    Path file = file("zoom.concurrency=many\n");
    assertThatThrownBy(() -> new ZoomSettingsLoader(ENV).load(flags(null, file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("zoom.concurrency in " + file);
    assertThatThrownBy(() -> new ZoomSettingsLoader(ENV).load(flags(null, dir.resolve("nope"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--config");
  }

  @Test
  void explicitRatesAndUnlimited_areAccepted() {
    ZoomFlags unlimited =
        new ZoomFlags(null, null, null, null, null, null, null, null, "unlimited", null);
    assertThat(new ZoomSettingsLoader(ENV).load(unlimited).rateLimits().unlimited()).isTrue();
    ZoomFlags explicit =
        new ZoomFlags(
            null, null, null, null, null, null, null, null, "light=9,medium=3,heavy=1", null);
    assertThat(new ZoomSettingsLoader(ENV).load(explicit).rateLimits().rate(RateLabel.LIGHT))
        .isEqualTo(9.0);
  }

  @Test
  void secret_neverPrintsItself() throws Exception {
    ZoomSettings settings = new ZoomSettingsLoader(ENV).load(ZoomFlags.none());
    assertThat(settings.toString()).doesNotContain("env-secret").contains("****");
    assertThat(new ObjectMapper().writeValueAsString(Map.of("s", settings.clientSecret())))
        .isEqualTo("{\"s\":\"****\"}");
  }
}
