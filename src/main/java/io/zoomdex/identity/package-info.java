/**
 * Identity mapping: turns the value a searcher presents (an API token's owner, a trusted SSO
 * header) into exactly one Zoom identity, the email a document lists as a reader, or into nobody.
 * The rules come from the {@code identity.*} keys of the config file; two rules that give two
 * different identities make the value ambiguous, which fails closed (it sees nothing).
 */
package io.zoomdex.identity;
