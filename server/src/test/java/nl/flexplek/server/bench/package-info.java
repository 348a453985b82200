/**
 * The booking benchmark: a program (not a test) that starts the server with the demo estate and a long history in
 * one JVM, drives it over HTTP and compares its booking rate with raw SQLite inserts. Depends on the server's public
 * classes; nothing depends on it.
 */
package nl.flexplek.server.bench;
