/**
 * Zoom's JSON shapes as records, holding only the fields zoomdex uses. They are read leniently:
 * property names are snake_case, unknown fields are ignored, numbers may arrive as strings, and any
 * field may be missing (null, or 0 for numbers).
 */
package io.zoomdex.zoom.model;
