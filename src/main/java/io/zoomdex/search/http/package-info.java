/**
 * The search API and web page over HTTP: {@link io.zoomdex.search.http.SearchServer}, started from
 * {@link io.zoomdex.search.http.SearchServerSettings}. Who is calling is decided in one place
 * (bearer token, a trusted SSO proxy's header from the proxy's own address, or the demo picker in
 * demo mode only); every search then goes through the {@link io.zoomdex.search.SearchService}
 * reader filter. Depends on {@code io.zoomdex.search}, {@code io.zoomdex.search.auth} and {@code
 * io.zoomdex.document}; the crawl history comes in through {@link
 * io.zoomdex.search.http.RunHistory}, so nothing here depends on {@code io.zoomdex.sync}. The page
 * itself is plain HTML/CSS/JS in {@code src/main/resources/web/}.
 */
package io.zoomdex.search.http;
