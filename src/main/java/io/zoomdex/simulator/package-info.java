/**
 * A Zoom API simulator for tests, benchmarks and the demo, faithful to Zoom's real behaviour
 * (shared/docs/zoom-api.md), built on the JDK's HTTP server so it sees raw, undecoded paths.
 *
 * <p>Use: {@code try (ZoomSimulator zoom = ZoomSimulator.start(SimulatorSettings.defaults()))},
 * then point a client at {@link io.zoomdex.simulator.ZoomSimulator#apiBaseUrl()} and {@link
 * io.zoomdex.simulator.ZoomSimulator#oauthBaseUrl()} with its account id, client id and secret.
 * {@link io.zoomdex.simulator.ZoomSimulator#account()} is the ground truth (derived from the seed
 * on demand), {@link io.zoomdex.simulator.ZoomSimulator#requestLog()} counts calls, {@link
 * io.zoomdex.simulator.ZoomSimulator#faults()} injects failures and {@link
 * io.zoomdex.simulator.ZoomSimulator#clock()} moves time (page tokens, access tokens, daily caps).
 *
 * <p>{@link io.zoomdex.simulator.ZoomSimulator#mutations()} changes the account on top of the
 * derived data (meetings, instances, summaries, webinars, users; {@code changeFraction} for a
 * deterministic mix), visible through every endpoint and the ground truth and logged in order;
 * {@link io.zoomdex.simulator.ZoomSimulator#webhooks()} posts each change as Zoom's signed webhook
 * event, with URL validation, Zoom's retries (scalable), redelivery and a delivery log.
 *
 * <p>Exact answers a client must handle:
 *
 * <ul>
 *   <li>token errors (HTTP 400): {@code {"reason":"Invalid client_id or
 *       client_secret","error":"invalid_client"}}, {@code {"reason":"unsupported grant
 *       type","error":"unsupported_grant_type"}}, {@code {"reason":"Invalid
 *       account_id","error":"invalid_request"}};
 *   <li>HTTP 401 {@code {"code":124,"message":"Invalid access token."}} (unknown, revoked), {@code
 *       "Access token is expired."}, {@code "Requires an access token."} (no header), and {@code
 *       "Invalid access token, this access token is not supported as query parameter string."};
 *   <li>HTTP 400 {@code {"code":4711,"message":"Invalid access token, does not contain
 *       scopes:[meeting:read:summary, meeting:read:summary:admin]."}} (the spec's scope list);
 *   <li>HTTP 400 {@code {"code":300,"message":"The next page token is invalid or expired."}} (after
 *       15 minutes, or a token from another listing);
 *   <li>HTTP 404 {@code {"code":3001,"message":"Meeting does not exist: <id>."}} (also for a UUID
 *       that was single-encoded when it needed double encoding: the leading slash is gone from the
 *       message); {@code "Webinar does not exist: <id>."}; Q&A: {@code "Meeting ID is invalid or
 *       not end."};
 *   <li>HTTP 400 {@code {"code":12702,"message":"Cannot access a meeting a year ago."}};
 *   <li>HTTP 404 {@code {"code":1001,"message":"User does not exist: <id>."}};
 *   <li>HTTP 400 {@code {"code":200,...}} listing webinars of a user without a webinar licence;
 *   <li>HTTP 403 {@code {"code":2305,...}} for restricted summaries; 404/3001 where {@code
 *       has_meeting_summary} is false;
 *   <li>HTTP 400 {@code {"code":300,"message":"The maximum range can be a month."}} for a
 *       recordings range over a month;
 *   <li>HTTP 429 with {@code X-RateLimit-Category}, {@code X-RateLimit-Type} ({@code QPS} or {@code
 *       Daily-limit}), {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code
 *       Retry-After} (seconds for QPS when enabled; an ISO-8601 UTC instant for the daily cap).
 * </ul>
 */
package io.zoomdex.simulator;
