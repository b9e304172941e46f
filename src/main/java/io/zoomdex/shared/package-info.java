/**
 * What every serve replica of an OpenSearch deployment shares besides the index: API tokens,
 * deactivated users and the crawl history, each in an index of its own next to the alias ({@code
 * ALIAS.tokens}, {@code ALIAS.deactivated-users}, {@code ALIAS.crawl-runs}), so that a search
 * replica needs no data directory. The writer publishes its local sync state there ({@link
 * io.zoomdex.shared.StatePublisher}).
 */
package io.zoomdex.shared;
