package io.zoomdex.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedAccountTest {
  private static SimulatedAccount account(SimulatorSettings settings) {
    return new SimulatedAccount(settings, SimulatorFixtures.START);
  }

  @Test
  void ids_roundTripWithoutScanning_at10000Users() {
    SimulatedAccount account =
        account(SimulatorFixtures.settings().users(10_000).instancesPerMeeting(100).build());
    SimUser last =
        account.users().subList(9_900, 10_000).stream()
            .filter(u -> u.status() == SimUserStatus.ACTIVE)
            .reduce((a, b) -> b)
            .orElseThrow();

    assertThat(account.userByIdOrEmail(last.id())).contains(last);
    assertThat(account.userByIdOrEmail(last.email().toUpperCase(java.util.Locale.ROOT)))
        .contains(last);
    for (SimMeeting meeting : account.meetingsOf(last)) {
      assertThat(account.meeting(meeting.id())).contains(meeting);
      for (SimInstance instance : account.instancesOf(meeting)) {
        assertThat(account.instance(instance.uuid())).contains(instance);
      }
    }
  }

  @Test
  void unknownIds_areNotFound() {
    SimulatedAccount account = account(SimulatorFixtures.settings().build());
    SimInstance instance = account.instancesOf(account.meetingsOf(account.user(0)).get(0)).get(0);
    String forged = (instance.uuid().charAt(5) == 'A' ? "B" : "A");
    String tampered = instance.uuid().substring(0, 5) + forged + instance.uuid().substring(6);

    assertThat(account.instance(tampered)).isEmpty();
    assertThat(account.meeting(1234567890L)).isEmpty();
    assertThat(account.userByIdOrEmail("AAAAxxxxxxxxxxxxxxxxxx")).isEmpty();
    assertThat(account.userByIdOrEmail("someone@else.example")).isEmpty();
  }

  @Test
  void pendingUsers_haveNoIdAndHostNothing() {
    SimulatedAccount account = account(SimulatorFixtures.settings().users(200).build());
    List<SimUser> pending =
        account.users().stream().filter(u -> u.status() == SimUserStatus.PENDING).toList();

    assertThat(pending).isNotEmpty();
    pending.forEach(u -> assertThat(u.id()).isNull());
    pending.forEach(u -> assertThat(account.meetingsOf(u)).isEmpty());
    assertThat(account.users()).anyMatch(u -> u.status() == SimUserStatus.INACTIVE);
  }

  @Test
  void sameSeed_sameData_otherSeed_otherData() {
    SimulatorSettings settings = SimulatorFixtures.settings().build();
    SimulatedAccount first = account(settings);
    SimulatedAccount second = account(settings);
    SimulatedAccount other = account(settings.withSeed(8));

    SimMeeting meeting = first.meetingsOf(first.user(3)).get(0);
    assertThat(second.meetingsOf(second.user(3)).get(0)).isEqualTo(meeting);
    assertThat(first.participants(first.instancesOf(first.meetingsOf(first.user(0)).get(0)).get(0)))
        .isEqualTo(
            second.participants(
                second.instancesOf(second.meetingsOf(second.user(0)).get(0)).get(0)));
    assertThat(other.user(3)).isNotEqualTo(first.user(3));
  }

  @Test
  void instances_reachBackBeyondAYear_andSummariesFollowTheFlag() {
    SimulatedAccount account =
        account(SimulatorFixtures.settings().instancesPerMeeting(30).build());
    SimMeeting meeting = account.meetingsOf(account.user(0)).get(0);
    List<SimInstance> instances = account.instancesOf(meeting);

    assertThat(instances)
        .anyMatch(i -> InstanceWindows.overAYearOld(i, SimulatorFixtures.START))
        .anyMatch(i -> !InstanceWindows.overAYearOld(i, SimulatorFixtures.START));
    instances.forEach(i -> assertThat(account.summary(i).isPresent()).isEqualTo(i.hasSummary()));
  }

  @Test
  void recordedInstances_haveTranscriptFiles_andSomeBareCaptionFiles() {
    SimulatedAccount account = account(SimulatorFixtures.settings().users(60).build());
    boolean bare = false;
    for (SimUser user : account.users()) {
      for (SimMeeting meeting : account.meetingsOf(user)) {
        for (SimInstance instance : account.instancesOf(meeting)) {
          List<SimRecordingFile> files = account.recordingFiles(instance);
          if (instance.recorded()) {
            assertThat(files).anyMatch(f -> f.fileType().equals("TRANSCRIPT"));
            bare |= files.stream().anyMatch(f -> f.id() == null);
          } else {
            assertThat(files).isEmpty();
          }
        }
      }
    }
    assertThat(bare).isTrue();
  }

  @Test
  void largeAccount_servesListingsWithoutMaterialising() throws IOException {
    try (ZoomSimulator simulator =
        ZoomSimulator.start(
            SimulatorFixtures.settings().users(10_000).instancesPerMeeting(100).build())) {
      SimulatorHttp http = new SimulatorHttp(simulator);
      long total = http.getJson("/users?page_size=2000").get("total_records").asLong();
      SimUser user = simulator.account().user(9_999);
      int status = http.get("/users/" + user.email()).statusCode();

      assertThat(total).isGreaterThan(8_000);
      assertThat(status).isEqualTo(200);
    }
  }
}
