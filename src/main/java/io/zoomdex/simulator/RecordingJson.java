package io.zoomdex.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders a recorded instance as an item of {@code GET /users/{userId}/recordings}. */
final class RecordingJson {
  private RecordingJson() {}

  static ObjectNode meeting(
      SimulatedAccount account, SimInstance instance, List<SimRecordingFile> files, String origin) {
    SimUser host = account.user(instance.hostIndex());
    ObjectNode node = Json.object();
    node.put("uuid", instance.uuid());
    node.put("id", instance.meetingId());
    node.put("account_id", account.accountId());
    node.put("host_id", host.id());
    node.put("topic", account.topicOf(instance));
    node.put("type", account.typeOf(instance)); // an integer in real payloads (string in the spec)
    node.put("start_time", Json.time(instance.startTime()));
    node.put("duration", instance.durationMinutes());
    node.put("total_size", files.stream().mapToLong(SimRecordingFile::size).sum());
    node.put("recording_count", files.size());
    node.put("share_url", "https://us05web.zoom.us/rec/share/" + files.get(0).downloadKey());
    node.put("recording_play_passcode", Long.toHexString(Hashes.mix(instance.meetingId())));
    ArrayNode list = node.putArray("recording_files");
    for (SimRecordingFile file : files) {
      list.add(file(instance, file, origin));
    }
    return node;
  }

  private static ObjectNode file(SimInstance instance, SimRecordingFile file, String origin) {
    ObjectNode node = Json.object();
    if (file.id() != null) {
      node.put("id", file.id());
    }
    node.put("meeting_id", instance.uuid());
    node.put("recording_start", Json.time(file.start()));
    node.put("recording_end", Json.time(file.end()));
    node.put("file_type", file.fileType());
    node.put("file_extension", file.extension());
    // CC and TIMELINE entries lack size, play_url, status and recording_type, as the spec says.
    if (file.id() != null) {
      node.put("file_size", file.size());
      node.put("play_url", "https://us05web.zoom.us/rec/play/" + file.downloadKey());
      node.put("status", "completed");
      node.put("recording_type", file.recordingType());
    }
    node.put("download_url", origin + "/rec/download/" + file.downloadKey());
    return node;
  }
}
