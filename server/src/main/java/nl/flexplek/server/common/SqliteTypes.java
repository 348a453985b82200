package nl.flexplek.server.common;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.generic.GenericTypes;
import java.util.Optional;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How our value types are stored: instants as epoch milliseconds (INTEGER compares and indexes fast, and is
 * unambiguous UTC), dates as ISO text, coded enums as their code. Registered on every Jdbi the server makes.
 */
public final class SqliteTypes {
    private SqliteTypes() {
    }

    public static Jdbi configure(Jdbi jdbi, Iterable<Class<? extends Enum<?>>> codedEnums) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerColumnMapper(LocalDate.class, (rs, column, ctx) -> {
            String text = rs.getString(column);
            return text == null ? null : LocalDate.parse(text);
        });
        for (Class<? extends Enum<?>> type : codedEnums) {
            registerCoded(jdbi, type);
        }
        return jdbi;
    }

    private static void registerCoded(Jdbi jdbi, Class<? extends Enum<?>> type) {
        jdbi.registerArgument((ArgumentFactory) (declared, value, config) -> {
            if (GenericTypes.getErasedType(declared) != type) {
                return Optional.empty();
            }
            return Optional.of(value == null ? new NullArgument(Types.VARCHAR)
                    : (position, statement, ctx) -> statement.setString(position, ((Coded) value).code()));
        });
        jdbi.registerColumnMapper(type, (rs, column, ctx) -> {
            String code = rs.getString(column);
            if (code == null) {
                return null;
            }
            for (Enum<?> constant : type.getEnumConstants()) {
                if (((Coded) constant).code().equals(code)) {
                    return constant;
                }
            }
            throw new IllegalStateException("Unknown " + type.getSimpleName() + " code in the database: " + code);
        });
    }
}
