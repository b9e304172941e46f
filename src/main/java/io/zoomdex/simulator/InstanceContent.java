package io.zoomdex.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Derives what happened in an instance: participants, Q&A, summary, recording, transcript. */
final class InstanceContent {
  private static final String[] FILE_TYPES = {"MP4", "M4A", "TRANSCRIPT", "CHAT", "CC", "TIMELINE"};

  private final SimulatedAccount account;
  private final long seed;

  InstanceContent(SimulatedAccount account, long seed) {
    this.account = account;
    this.seed = seed;
  }

  private SplittableRandom random(SimInstance instance, int purpose) {
    return Hashes.random(
        seed,
        purpose,
        instance.webinar() ? 1 : 0,
        instance.hostIndex(),
        instance.slot(),
        instance.number());
  }

  List<SimParticipant> participants(SimInstance instance) {
    SplittableRandom r = random(instance, 50);
    List<SimParticipant> rows = new ArrayList<>();
    long length = Duration.between(instance.startTime(), instance.endTime()).toSeconds();
    long participantIds = 16_778_240L + r.nextInt(1_000_000);
    SimUser host = account.user(instance.hostIndex());
    for (int p = 0; p < instance.participantCount(); p++) {
      String id;
      String name;
      String email;
      boolean internal;
      double kind = r.nextDouble();
      if (p == 0) {
        id = host.id();
        name = host.displayName();
        email = host.email();
        internal = true;
      } else if (kind < 0.5) {
        SimUser user = account.user(r.nextInt(account.baseUserCount()));
        boolean signedIn = user.id() != null;
        id = signedIn ? user.id() : "";
        name = user.displayName();
        email = user.email();
        internal = signedIn;
      } else if (kind < 0.75) {
        email = SimulatedAccount.externalEmail(r);
        id = "";
        name = SimulatedAccount.nameFromEmail(email);
        internal = false;
      } else {
        id = "";
        name = Vocabulary.pick(r, Vocabulary.GUEST_NAMES) + " " + (1 + r.nextInt(9));
        email = "";
        internal = false;
      }
      long joinOffset = p == 0 ? 0 : r.nextLong(Math.max(1, length / 4));
      long leaveOffset = Math.max(joinOffset + 30, length - r.nextLong(Math.max(1, length / 5)));
      boolean rejoins = p > 0 && r.nextDouble() < 0.15 && leaveOffset - joinOffset > 120;
      long firstLeave = rejoins ? joinOffset + (leaveOffset - joinOffset) / 2 : leaveOffset;
      Instant start = instance.startTime();
      rows.add(
          new SimParticipant(
              id,
              Long.toString(participantIds++),
              name,
              email,
              start.plusSeconds(joinOffset),
              start.plusSeconds(firstLeave),
              internal));
      if (rejoins) {
        // A rejoin is a separate row with a new per-meeting user_id.
        rows.add(
            new SimParticipant(
                id,
                Long.toString(participantIds++),
                name,
                email,
                start.plusSeconds(firstLeave + 60),
                start.plusSeconds(leaveOffset),
                internal));
      }
    }
    return rows;
  }

  List<SimQuestion> questions(SimInstance instance) {
    SplittableRandom r = random(instance, 51);
    List<SimQuestion> questions = new ArrayList<>();
    if (r.nextDouble() >= 0.4) {
      return questions;
    }
    int count = 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name;
      String email;
      if (r.nextDouble() < 0.3) {
        name = "Anonymous Attendee";
        email = "";
      } else {
        SimUser asker = account.user(r.nextInt(account.baseUserCount()));
        name = asker.displayName();
        email = asker.email();
      }
      double answer = r.nextDouble();
      List<String> answers =
          answer < 0.3
              ? List.of("live answered")
              : answer < 0.8 ? List.of(Vocabulary.pick(r, Vocabulary.ANSWERS)) : List.of();
      questions.add(
          new SimQuestion(name, email, Vocabulary.pick(r, Vocabulary.QUESTIONS), answers));
    }
    return questions;
  }

  SimSummary summary(SimInstance instance) {
    SplittableRandom r = random(instance, 52);
    String topic = account.topicOf(instance);
    String overview =
        "The team discussed "
            + topic.toLowerCase(java.util.Locale.ROOT)
            + ". "
            + Vocabulary.pick(r, Vocabulary.SPOKEN_LINES);
    List<SimSummary.Detail> details = new ArrayList<>();
    int detailCount = 2 + r.nextInt(2);
    for (int i = 0; i < detailCount; i++) {
      details.add(
          new SimSummary.Detail(
              Vocabulary.pick(r, Vocabulary.SUBJECTS),
              Vocabulary.pick(r, Vocabulary.AGENDA_SENTENCES)));
    }
    List<String> nextSteps = new ArrayList<>();
    int steps = 1 + r.nextInt(3);
    for (int i = 0; i < steps; i++) {
      SimUser owner = account.user(r.nextInt(account.baseUserCount()));
      nextSteps.add(
          owner.displayName()
              + " will "
              + lowerFirst(Vocabulary.pick(r, Vocabulary.AGENDA_SENTENCES)));
    }
    StringBuilder markdown = new StringBuilder();
    markdown.append("## Quick recap\n\n").append(overview).append("\n\n## Next steps\n\n");
    for (String step : nextSteps) {
      markdown.append("- ").append(step).append('\n');
    }
    markdown.append("\n## Summary\n");
    for (SimSummary.Detail detail : details) {
      markdown
          .append("\n### ")
          .append(detail.label())
          .append("\n\n")
          .append(detail.summary())
          .append('\n');
    }
    return new SimSummary(topic, markdown.toString(), overview, details, nextSteps);
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  List<SimRecordingFile> recordingFiles(SimInstance instance) {
    SplittableRandom r = random(instance, 53);
    List<SimRecordingFile> files = new ArrayList<>();
    boolean chat = r.nextBoolean();
    boolean captions = r.nextDouble() < 0.3;
    boolean timeline = r.nextDouble() < 0.3;
    for (int i = 0; i < FILE_TYPES.length; i++) {
      String type = FILE_TYPES[i];
      if ((type.equals("CHAT") && !chat)
          || (type.equals("CC") && !captions)
          || (type.equals("TIMELINE") && !timeline)) {
        continue;
      }
      boolean bare = type.equals("CC") || type.equals("TIMELINE");
      String id = bare ? null : fileId(r);
      String extension;
      String recordingType;
      long size;
      switch (type) {
        case "MP4" -> {
          extension = "MP4";
          recordingType = "shared_screen_with_speaker_view";
          size = 20_000_000L + r.nextInt(200_000_000);
        }
        case "M4A" -> {
          extension = "M4A";
          recordingType = "audio_only";
          size = 2_000_000L + r.nextInt(20_000_000);
        }
        case "TRANSCRIPT" -> {
          extension = "VTT";
          recordingType = "audio_transcript";
          size = transcriptVtt(instance).getBytes(StandardCharsets.UTF_8).length;
        }
        case "CHAT" -> {
          extension = "TXT";
          recordingType = "chat_file";
          size = 500L + r.nextInt(5000);
        }
        case "CC" -> {
          extension = "VTT";
          recordingType = null;
          size = 1000L + r.nextInt(10_000);
        }
        default -> {
          extension = "JSON";
          recordingType = null;
          size = 1000L + r.nextInt(10_000);
        }
      }
      files.add(
          new SimRecordingFile(
              id,
              type,
              extension,
              recordingType,
              size,
              instance.startTime().plusSeconds(5),
              instance.endTime(),
              downloadKey(instance, type)));
    }
    return files;
  }

  private static String fileId(SplittableRandom r) {
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  /** A URL-safe key naming one file of one instance: base64url(uuid) "." type. */
  static String downloadKey(SimInstance instance, String fileType) {
    return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(instance.uuid().getBytes(StandardCharsets.US_ASCII))
        + "."
        + fileType;
  }

  /** The instance UUID and file type a download key names, if it is well-formed. */
  static Optional<String[]> parseDownloadKey(String key) {
    int dot = key.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      String uuid =
          new String(
              Base64.getUrlDecoder().decode(key.substring(0, dot)), StandardCharsets.US_ASCII);
      return Optional.of(new String[] {uuid, key.substring(dot + 1)});
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  String transcriptVtt(SimInstance instance) {
    SplittableRandom r = random(instance, 54);
    List<String> speakers = new ArrayList<>();
    for (SimParticipant participant : participants(instance)) {
      if (!participant.email().isEmpty() && !speakers.contains(participant.name())) {
        speakers.add(participant.name());
      }
      if (speakers.size() == 4) {
        break;
      }
    }
    StringBuilder vtt = new StringBuilder("WEBVTT\n");
    int cues = 6 + r.nextInt(10);
    long second = 2;
    for (int cue = 1; cue <= cues; cue++) {
      long length = 3L + r.nextInt(8);
      vtt.append('\n')
          .append(cue)
          .append('\n')
          .append(timestamp(second))
          .append(" --> ")
          .append(timestamp(second + length))
          .append('\n')
          .append(speakers.get(cue == 1 ? 0 : r.nextInt(speakers.size())))
          .append(": ")
          .append(Vocabulary.pick(r, Vocabulary.SPOKEN_LINES))
          .append('\n');
      second += length + 1;
    }
    return vtt.toString();
  }

  private static String timestamp(long seconds) {
    return String.format(
        java.util.Locale.ROOT,
        "%02d:%02d:%02d.000",
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60);
  }
}
