package dev.q4j.internal.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The server's events take the connection's fields, their category and their stack-trace setting from one abstract
 * base ({@link ServerConnectionEvent}): each event still carries them, as a recording shows them.
 */
class ServerConnectionEventTest {
    private static final List<Class<? extends Event>> SERVER_EVENTS = List.of(ServerConnectionOpenedEvent.class,
            ServerConnectionClosedEvent.class, ServerDisconnectEvent.class, ServerRequestEvent.class);

    @Test
    void everyServerEventCarriesTheConnectionsFieldsWithTheirLabelsAndDescriptions() {
        for (Class<? extends Event> c : SERVER_EVENTS) {
            EventType t = EventType.getEventType(c);
            assertThat(field(t, "connectionId")).as(t.getName()).satisfies(f -> {
                assertThat(f.getTypeName()).isEqualTo("long");
                assertThat(f.getLabel()).isEqualTo("Connection Id");
                assertThat(f.getDescription()).isEqualTo("The server's number for this connection, as its log lines "
                        + "show it (client 7 at ...)");
            });
            assertThat(field(t, "remoteAddress")).as(t.getName()).satisfies(f -> {
                assertThat(f.getTypeName()).isEqualTo("java.lang.String");
                assertThat(f.getLabel()).isEqualTo("Remote Address");
                assertThat(f.getDescription()).isEqualTo("The client's address and port (or socket path)");
            });
            assertThat(field(t, "user")).as(t.getName()).satisfies(f -> {
                assertThat(f.getTypeName()).isEqualTo("java.lang.String");
                assertThat(f.getLabel()).isEqualTo("User");
                assertThat(f.getDescription()).isEqualTo("The user the client authenticated as (empty for none)");
            });
        }
    }

    @Test
    void everyServerEventIsInTheServerCategoryWithoutStackTraces() {
        for (Class<? extends Event> c : SERVER_EVENTS) {
            EventType t = EventType.getEventType(c);
            assertThat(t.getCategoryNames()).as(t.getName()).containsExactly("q4j", "Server");
            assertThat(t.getSettingDescriptors()).as(t.getName())
                    .filteredOn(s -> s.getName().equals("stackTrace")).extracting(SettingDescriptor::getDefaultValue)
                    .containsExactly("false");
        }
    }

    @Test
    void theBaseIsNoEventOfItsOwn() {
        EventType.getEventType(ServerRequestEvent.class);
        assertThat(jdk.jfr.FlightRecorder.getFlightRecorder().getEventTypes()).extracting(EventType::getName)
                .contains("dev.q4j.ServerRequest").noneMatch(n -> n.contains("ServerConnectionEvent"));
    }

    private static ValueDescriptor field(EventType t, String name) {
        ValueDescriptor f = t.getField(name);
        assertThat(f).as(t.getName() + "." + name).isNotNull();
        return f;
    }
}
