package nl.flexplek.server.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.flexplek.server.estate.ClosureDay;
import nl.flexplek.server.estate.EstateDocument;
import nl.flexplek.server.estate.Floor;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Position;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.estate.Zone;

/**
 * The demo municipality: the town hall (Stadhuis), the city office (Stadskantoor) and five neighbourhood-team
 * offices, with 310 desks, 32 rooms, 10 e-bikes and 4 e-cars. Generated from a fixed seed, so every start makes the
 * same estate and the import can update it in place. Most resources have a sensor id (the sensor simulator plays
 * them); every tenth desk has none, as in a real building where not every desk is fitted.
 */
public final class DemoEstate {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The demo sites' departments, used for zones and for the demo accounts. */
    public static final List<String> DEPARTMENTS = List.of("Burgerzaken", "Sociaal Domein", "Ruimtelijke Ordening",
            "Financiën", "ICT", "Personeel en Organisatie", "Communicatie", "Juridische Zaken", "Openbare Ruimte",
            "Economie en Cultuur");

    private static final String[] ROOM_NAMES = {"Amstel", "Berkel", "Dinkel", "Eem", "Gouwe", "Hunze", "IJssel",
            "Linge", "Maas", "Regge", "Schie", "Vecht", "Waal", "Zaan", "Dommel", "Roer", "Geul", "Lek", "Rotte", "Spaarne"};

    private DemoEstate() {
    }

    public static EstateDocument document() {
        Random random = new Random(2026);
        List<Site> sites = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        int[] roomName = {0};

        // Town hall: four floors, 120 desks, 12 rooms, 4 e-bikes, 2 e-cars.
        addSite(sites, resources, random, roomName, "stadhuis", "sth", "Stadhuis", "Markt 1, 1234 AB Flexstad",
                weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0)), new int[]{0, 1, 2, 3},
                new int[]{0, 40, 40, 40}, new int[]{3, 3, 3, 3}, 4, 2);
        // City office: five floors, 130 desks, 10 rooms, 3 e-bikes, 2 e-cars; also open Saturday morning.
        List<OpeningHours> office = new ArrayList<>(weekdays(LocalTime.of(7, 0), LocalTime.of(20, 0)));
        office.add(new OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        addSite(sites, resources, random, roomName, "stadskantoor", "skt", "Stadskantoor",
                "Stationsplein 10, 1234 CD Flexstad", office, new int[]{0, 1, 2, 3, 4},
                new int[]{10, 30, 30, 30, 30}, new int[]{2, 2, 2, 2, 2}, 3, 2);
        // Neighbourhood-team offices: one floor, 12 desks, 2 rooms; three of them have an e-bike.
        String[][] teams = {{"noord", "wtn", "Noord", "Kloosterstraat 4"}, {"oost", "wto", "Oost", "Oosterpark 12"},
                {"zuid", "wtz", "Zuid", "Zuidwal 30"}, {"west", "wtw", "West", "Westerhaven 7"},
                {"midden", "wtm", "Midden", "Lange Gracht 21"}};
        for (int i = 0; i < teams.length; i++) {
            String[] t = teams[i];
            addSite(sites, resources, random, roomName, "wijkteam-" + t[0], t[1], "Sociaal wijkteam " + t[2],
                    t[3] + ", 1234 EF Flexstad", weekdays(LocalTime.of(8, 30), LocalTime.of(17, 0)), new int[]{0},
                    new int[]{12}, new int[]{2}, i < 3 ? 1 : 0, 0);
        }
        return new EstateDocument(sites, resources);
    }

    private static void addSite(List<Site> sites, List<Resource> resources, Random random, int[] roomName, String id,
                                String code, String name, String address, List<OpeningHours> hours, int[] levels,
                                int[] desksPerFloor, int[] roomsPerFloor, int ebikes, int ecars) {
        List<Floor> floors = new ArrayList<>();
        for (int f = 0; f < levels.length; f++) {
            int level = levels[f];
            String floorId = code + "-" + level;
            List<Zone> zones = new ArrayList<>();
            int zoneCount = Math.max(1, desksPerFloor[f] / 10);
            for (int z = 0; z < zoneCount; z++) {
                String team = id.startsWith("wijkteam") ? name : DEPARTMENTS.get((level * 3 + z) % DEPARTMENTS.size());
                zones.add(new Zone(floorId + "-" + (char) ('a' + z), team, team));
            }
            floors.add(new Floor(floorId, level == 0 ? "Begane grond" : "Verdieping " + level, level, zones));
            for (int d = 1; d <= desksPerFloor[f]; d++) {
                Zone zone = zones.get((d - 1) * zones.size() / desksPerFloor[f]);
                List<String> features = new ArrayList<>();
                if (random.nextInt(100) < 80) {
                    features.add("dual-monitor");
                }
                if (random.nextInt(100) < 70) {
                    features.add("docking");
                }
                if (d % 4 == 0) {
                    features.add("standing");
                }
                if (zones.indexOf(zone) == zones.size() - 1 && zones.size() > 1) {
                    features.add("quiet");
                }
                if (level == 0 || d <= 2) {
                    features.add("wheelchair-accessible");
                }
                String deskId = String.format("%s-%d-d%03d", code, level, d);
                int column = (d - 1) % 10;
                int row = (d - 1) / 10;
                resources.add(new Resource(deskId, id, floorId, zone.id(), ResourceType.DESK,
                        String.format("Werkplek %d.%03d", level, d), features, null, null,
                        new Position(4 + column * 2.5, 4 + row * 4.0), d % 10 == 0 ? null : "pir-" + deskId, true));
            }
            for (int r = 1; r <= roomsPerFloor[f]; r++) {
                int capacity = new int[]{4, 6, 8, 12, 20}[random.nextInt(5)];
                List<String> features = new ArrayList<>(List.of("screen"));
                if (capacity >= 6) {
                    features.add("video-conferencing");
                }
                if (random.nextBoolean()) {
                    features.add("whiteboard");
                }
                if (level == 0 || r == 1) {
                    features.add("accessible");
                }
                String roomId = String.format("%s-%d-r%02d", code, level, r);
                String river = ROOM_NAMES[roomName[0]++ % ROOM_NAMES.length];
                resources.add(new Resource(roomId, id, floorId, null, ResourceType.ROOM,
                        String.format("Zaal %d.%02d %s", level, r, river), features, capacity, null,
                        new Position(32 + (r - 1) % 2 * 8, 4 + (r - 1) / 2 * 8.0), r == 3 ? null : "cnt-" + roomId, true));
            }
        }
        for (int b = 1; b <= ebikes; b++) {
            String bikeId = code + "-ebike-" + b;
            resources.add(new Resource(bikeId, id, floors.getFirst().id(), null, ResourceType.EBIKE, "E-bike " + b,
                    b == 2 ? List.of("cargo") : List.of(), null, 70, new Position(2, 30 + b * 2.0), "veh-" + bikeId, true));
        }
        for (int c = 1; c <= ecars; c++) {
            String carId = code + "-ecar-" + c;
            resources.add(new Resource(carId, id, floors.getFirst().id(), null, ResourceType.ECAR, "E-auto " + c,
                    List.of(), null, c == 1 ? 320 : 410, new Position(10 + c * 3.0, 34), "veh-" + carId, true));
        }
        sites.add(new Site(id, name, address, AMSTERDAM, hours, closures(), floors));
    }

    private static List<OpeningHours> weekdays(LocalTime opens, LocalTime closes) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, opens, closes));
        }
        return hours;
    }

    /** Dutch public holidays on which the municipality's offices close. */
    private static List<ClosureDay> closures() {
        String[][] days = {
                {"2025-12-25", "Eerste Kerstdag"}, {"2025-12-26", "Tweede Kerstdag"},
                {"2026-01-01", "Nieuwjaarsdag"}, {"2026-04-03", "Goede Vrijdag"}, {"2026-04-06", "Tweede Paasdag"},
                {"2026-04-27", "Koningsdag"}, {"2026-05-05", "Bevrijdingsdag"}, {"2026-05-14", "Hemelvaartsdag"},
                {"2026-05-25", "Tweede Pinksterdag"}, {"2026-12-25", "Eerste Kerstdag"}, {"2026-12-26", "Tweede Kerstdag"},
                {"2027-01-01", "Nieuwjaarsdag"}, {"2027-03-26", "Goede Vrijdag"}, {"2027-03-29", "Tweede Paasdag"},
                {"2027-04-27", "Koningsdag"}, {"2027-05-06", "Hemelvaartsdag"}, {"2027-05-17", "Tweede Pinksterdag"},
                {"2027-12-25", "Eerste Kerstdag"}, {"2027-12-26", "Tweede Kerstdag"}};
        List<ClosureDay> closures = new ArrayList<>();
        for (String[] day : days) {
            closures.add(new ClosureDay(LocalDate.parse(day[0]), day[1]));
        }
        return closures;
    }
}
