package io.zoomdex.zoom.model;

import java.time.Instant;

/** One ended instance of a meeting or webinar, as listed by {@code .../instances}. */
public record PastInstance(String uuid, Instant startTime) {}
