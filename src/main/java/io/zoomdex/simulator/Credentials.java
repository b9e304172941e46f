package io.zoomdex.simulator;

/**
 * The simulated Server-to-Server OAuth app's credentials, derived from the seed so a demo can print
 * them once and reuse them across restarts.
 *
 * @param accountId Zoom account id
 * @param clientId the app's client id
 * @param clientSecret the app's client secret (never logged)
 */
record Credentials(String accountId, String clientId, String clientSecret) {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  static Credentials derive(long seed, String accountId) {
    return new Credentials(accountId, text(seed, 61, 22), text(seed, 62, 32));
  }

  private static String text(long seed, int purpose, int length) {
    java.util.SplittableRandom r = Hashes.random(seed, purpose);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "Credentials[accountId=" + accountId + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
