/**
 * Serves the browser front ends: the staff app at {@code /}, the manager dashboard at {@code /manage/}, the kiosk
 * display at {@code /kiosk/{siteId}} (its files come from the kiosk module's jar), and their shared assets. Pages are
 * plain HTML, CSS and ES modules that talk to the JSON API; {@code WebFeature} adds them to the
 * routing after the API. This package depends on no other package of the server.
 */
package nl.flexplek.server.web;
