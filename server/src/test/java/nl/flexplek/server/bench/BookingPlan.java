package nl.flexplek.server.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import nl.flexplek.server.booking.BookingRequest;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;

/**
 * The bookings the benchmark makes, all valid and none in conflict: 30-minute room meetings 8 to 90 days ahead and
 * desk mornings and afternoons 8 to 14 days ahead (the demo history only reaches 7 days ahead), dealt out so that no
 * two bookings overlap and nobody goes over the policies' limits (20 upcoming rooms, 10 upcoming desks, one desk per
 * person at a time). One booking in eight is a desk, in every phase, so phases are comparable.
 */
final class BookingPlan {
    static final LocalTime MIDDAY = LocalTime.of(13, 0);
    static final int MEETING_MINUTES = 30;
    private static final int DESK_EVERY = 8;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A logged-in person; token is null for accounts only used in-process. */
    record Caller(long id, String username, String token) {
    }

    /** One booking to make: a desk (date and part) or a room (start and end). */
    record Booking(Caller who, String resourceId, ResourceType type, LocalDate date, DayPart part,
                   OffsetDateTime start, OffsetDateTime end) {

        String json() {
            return type == ResourceType.DESK
                    ? "{\"resourceId\":\"" + resourceId + "\",\"date\":\"" + date + "\",\"part\":\"" + part.code() + "\"}"
                    : "{\"resourceId\":\"" + resourceId + "\",\"start\":\"" + ISO.format(start) + "\",\"end\":\""
                    + ISO.format(end) + "\"}";
        }

        BookingRequest request() {
            return new BookingRequest(resourceId, date, part, start, end, null);
        }
    }

    /** What an account may still book under the policies. */
    static final class Quota {
        final Caller account;
        int rooms;
        int desks;
        final Set<String> deskParts = new HashSet<>();

        Quota(Caller account, int rooms, int desks) {
            this.account = account;
            this.rooms = rooms;
            this.desks = desks;
        }
    }

    private record RoomSlot(String roomId, OffsetDateTime start, OffsetDateTime end) {
    }

    private final Deque<RoomSlot> roomSlots;
    /** Desk ids still free per "date/part", e.g. "2026-12-01/morning". */
    private final Map<String, Deque<String>> desks;
    private final List<String> deskParts;
    private int deskCursor;

    private BookingPlan(Deque<RoomSlot> roomSlots, Map<String, Deque<String>> desks) {
        this.roomSlots = roomSlots;
        this.desks = desks;
        this.deskParts = new ArrayList<>(desks.keySet());
    }

    /** Every free slot of the estate's rooms (except the reserved ones) and desks, shuffled with a fixed seed. */
    static BookingPlan of(Estate estate, LocalDate today, Set<String> reservedRooms) {
        Random random = new Random(20261123);
        List<RoomSlot> rooms = new ArrayList<>();
        Map<String, Deque<String>> desks = new LinkedHashMap<>();
        for (Site site : estate.sites().values()) {
            for (LocalDate date = today.plusDays(8); !date.isAfter(today.plusDays(90)); date = date.plusDays(1)) {
                Optional<OpeningHours> hours = site.hoursOn(date);
                if (hours.isEmpty()) {
                    continue;
                }
                for (Resource room : estate.resourcesAt(site.id(), ResourceType.ROOM)) {
                    if (!reservedRooms.contains(room.id())) {
                        rooms.addAll(meetings(site, room.id(), date, hours.get()));
                    }
                }
                if (date.isAfter(today.plusDays(14))) {
                    continue;
                }
                for (DayPart part : List.of(DayPart.MORNING, DayPart.AFTERNOON)) {
                    if (hasPart(hours.get(), part)) {
                        Deque<String> free = desks.computeIfAbsent(date + "/" + part.code(), k -> new ArrayDeque<>());
                        estate.resourcesAt(site.id(), ResourceType.DESK).forEach(d -> free.add(d.id()));
                    }
                }
            }
        }
        Collections.shuffle(rooms, random);
        desks.values().forEach(free -> {
            List<String> shuffled = new ArrayList<>(free);
            Collections.shuffle(shuffled, random);
            free.clear();
            free.addAll(shuffled);
        });
        return new BookingPlan(new ArrayDeque<>(rooms), desks);
    }

    /** Back-to-back meetings through the day on the 15-minute grid. */
    private static List<RoomSlot> meetings(Site site, String roomId, LocalDate date, OpeningHours hours) {
        List<RoomSlot> slots = new ArrayList<>();
        for (LocalTime t = hours.opens(); !t.plusMinutes(MEETING_MINUTES).isAfter(hours.closes())
                && t.plusMinutes(MEETING_MINUTES).isAfter(t); t = t.plusMinutes(MEETING_MINUTES)) {
            slots.add(new RoomSlot(roomId, at(site, date, t), at(site, date, t.plusMinutes(MEETING_MINUTES))));
        }
        return slots;
    }

    static OffsetDateTime at(Site site, LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, site.zone()).toOffsetDateTime();
    }

    static boolean hasPart(OpeningHours hours, DayPart part) {
        return part == DayPart.MORNING ? hours.opens().isBefore(MIDDAY) : hours.closes().isAfter(MIDDAY);
    }

    int roomSlotsLeft() {
        return roomSlots.size();
    }

    int deskPartsLeft() {
        return desks.values().stream().mapToInt(Deque::size).sum();
    }

    /**
     * Deals out {@code count} bookings over the accounts, round robin, within each account's quota.
     *
     * @throws IllegalStateException when the accounts' quotas or the free slots run out
     */
    List<Booking> deal(int count, List<Quota> accounts) {
        List<Booking> bookings = new ArrayList<>(count);
        int cursor = 0;
        for (int i = 0; i < count; i++) {
            boolean desk = i % DESK_EVERY == 0;
            Booking booking = null;
            for (int tried = 0; tried < accounts.size() && booking == null; tried++) {
                Quota quota = accounts.get(cursor);
                cursor = (cursor + 1) % accounts.size();
                booking = desk ? desk(quota) : room(quota);
            }
            if (booking == null) {
                throw new IllegalStateException("Ran out of " + (desk ? "desk" : "room") + " quota or slots after "
                        + i + " of " + count + " bookings; add accounts or lower the counts");
            }
            bookings.add(booking);
        }
        return bookings;
    }

    private Booking room(Quota quota) {
        if (quota.rooms == 0 || roomSlots.isEmpty()) {
            return null;
        }
        quota.rooms--;
        RoomSlot slot = roomSlots.poll();
        return new Booking(quota.account, slot.roomId(), ResourceType.ROOM, null, null, slot.start(), slot.end());
    }

    private Booking desk(Quota quota) {
        if (quota.desks == 0) {
            return null;
        }
        for (int tried = 0; tried < deskParts.size(); tried++) {
            String key = deskParts.get(deskCursor);
            deskCursor = (deskCursor + 1) % deskParts.size();
            Deque<String> free = desks.get(key);
            if (!free.isEmpty() && quota.deskParts.add(key)) {
                quota.desks--;
                String[] datePart = key.split("/");
                return new Booking(quota.account, free.poll(), ResourceType.DESK, LocalDate.parse(datePart[0]),
                        DayPart.of(datePart[1]), null, null);
            }
        }
        return null;
    }
}
