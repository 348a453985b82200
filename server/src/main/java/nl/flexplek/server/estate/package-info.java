/**
 * The estate: sites with their time zone, opening hours and closure days, floors, zones (team neighbourhoods)
 * and bookable resources (desks, rooms, e-bikes, e-cars) with features and floor positions. Holds the estate
 * import (file at start-up and API) and the managers' estate changes, wired by {@code EstateFeature}. Depends on
 * {@code common}, and on {@code identity} for who may read and change the estate.
 */
package nl.flexplek.server.estate;
