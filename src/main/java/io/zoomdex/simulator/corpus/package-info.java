/**
 * Realistic meeting content written by hand: the meetings of the relevance set under {@code
 * bench/relevance/meetings} (topic, agenda, AI summary, transcript cues), packaged as resources.
 * The simulator recombines them into generated accounts and loads them verbatim as a relevance
 * account.
 */
package io.zoomdex.simulator.corpus;
