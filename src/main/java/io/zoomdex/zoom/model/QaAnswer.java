package io.zoomdex.zoom.model;

/** One question with its answer (the answer may be {@code "live answered"} or empty). */
public record QaAnswer(String question, String answer) {}
