/**
 * The admin page's data: the connection check, the webhook receiver's health and the crawl settings
 * in force, assembled from the sync state and the Zoom client and served as JSON to admin tokens
 * only, through servlets the search server mounts behind its token check. The page itself ({@code
 * /admin}) is a shell without data; the crawl history comes from {@code /api/runs} and the
 * inspector from {@code /api/admin/explain} and {@code /api/admin/whois}.
 */
package io.zoomdex.admin;
