/**
 * The estate: sites with their time zone, opening hours and closure days, floors, zones (team neighbourhoods)
 * and bookable resources (desks, rooms, e-bikes, e-cars) with features and floor positions. Holds the estate
 * import (file and API), the demo estate, and the managers' estate changes. Depends only on {@code common}.
 */
package nl.flexplek.server.estate;
