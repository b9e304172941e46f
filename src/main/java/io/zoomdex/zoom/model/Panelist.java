package io.zoomdex.zoom.model;

/** A webinar panelist ({@code GET /webinars/{id}/panelists}). */
public record Panelist(String id, String email, String name) {}
