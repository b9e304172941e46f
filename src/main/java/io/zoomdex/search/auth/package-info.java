/**
 * API tokens bound to a person's email: {@link io.zoomdex.search.auth.ApiTokenStore} keeps only
 * their SHA-256 hashes in SQLite ({@code DATA/tokens.db}). Depends only on {@code
 * io.zoomdex.document} (email normalization).
 */
package io.zoomdex.search.auth;
