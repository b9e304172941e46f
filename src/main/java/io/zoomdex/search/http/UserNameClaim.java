package io.zoomdex.search.http;

import java.util.regex.Pattern;

/** The shape of an SSO claim that is a bare user name ({@code alice}, {@code a.smith}). */
final class UserNameClaim {
  private static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}._'+-]{1,64}");

  private UserNameClaim() {}

  /** Whether {@code value}, trimmed, looks like a user name: letters, digits and {@code ._'+-}. */
  static boolean isPlausible(String value) {
    return value != null && SHAPE.matcher(value.strip()).matches();
  }
}
