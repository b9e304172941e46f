package io.zoomdex.simulator;

import io.zoomdex.simulator.corpus.CorpusMeeting;
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
    Optional<ScriptedContent> scripted = account.overlay().scripted(instance.uuid());
    if (scripted.isPresent()) {
      return scriptedParticipants(instance, scripted.get());
    }
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

  /** Everyone scripted, signed in for the whole instance, in the given order. */
  private List<SimParticipant> scriptedParticipants(SimInstance instance, ScriptedContent content) {
    List<SimParticipant> rows = new ArrayList<>();
    long participantIds =
        16_778_240L + Math.floorMod(Hashes.of(seed, 55, instance.meetingId()), 1_000_000);
    for (String email : content.participantEmails()) {
      SimUser user = account.userByIdOrEmail(email).orElseThrow();
      rows.add(
          new SimParticipant(
              user.id(),
              Long.toString(participantIds++),
              user.displayName(),
              user.email(),
              instance.startTime(),
              instance.endTime(),
              true));
    }
    return rows;
  }

  List<SimQuestion> questions(SimInstance instance) {
    SplittableRandom r = random(instance, 51);
    List<SimQuestion> questions = new ArrayList<>();
    if (account.overlay().scripted(instance.uuid()).isPresent() || r.nextDouble() >= 0.4) {
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
    Optional<ScriptedContent> scripted = account.overlay().scripted(instance.uuid());
    if (scripted.isPresent()) {
      return scripted.get().summary();
    }
    return CorpusContent.summary(
        random(instance, 52), subject(instance), account.topicOf(instance), people(instance));
  }

  /** The corpus meeting the instance's meeting is about. */
  private CorpusMeeting subject(SimInstance instance) {
    return CorpusContent.subject(seed, instance.webinar(), instance.hostIndex(), instance.slot());
  }

  /** Names of the participants who signed in with an email, the host first, at most four. */
  private List<String> people(SimInstance instance) {
    List<String> people = new ArrayList<>();
    for (SimParticipant participant : participants(instance)) {
      if (!participant.email().isEmpty() && !people.contains(participant.name())) {
        people.add(participant.name());
      }
      if (people.size() == 4) {
        break;
      }
    }
    return people;
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
    Optional<ScriptedContent> scripted = account.overlay().scripted(instance.uuid());
    if (scripted.isPresent()) {
      return scripted.get().transcriptVtt();
    }
    return CorpusContent.transcriptVtt(random(instance, 54), subject(instance), people(instance));
  }
}
