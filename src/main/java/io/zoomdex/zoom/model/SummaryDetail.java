package io.zoomdex.zoom.model;

/** One labelled section of a deprecated-style summary. */
public record SummaryDetail(String label, String summary) {}
