package io.rightsize.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.devstack.kafka.EmbeddedKafka;
import io.rightsize.devstack.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerRoundTripsARecordAndKeepsItAcrossARestart() throws Exception {
        int broker = FreePorts.find();
        int controller = FreePorts.find();
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), broker, controller)
                .start(Duration.ofSeconds(60))) {
            kafka.createTopics(Map.of("probe", 2));
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("acks", "all");
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            }
        }
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), broker, controller)
                .start(Duration.ofSeconds(60))) {
            assertTrue(kafka.topics().contains("probe"));
            Properties c = new Properties();
            c.put("bootstrap.servers", kafka.bootstrapServers());
            c.put("group.id", "probe-test");
            c.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var r : records) {
                        value = r.value();
                    }
                }
                assertEquals("hello", value);
            }
        }
    }

    @Test
    void postgresKeepsRowsAcrossARestart() throws Exception {
        int port = FreePorts.find();
        Path binaries = Path.of("target", "postgres-binaries").toAbsolutePath();
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("pg"), binaries, port).start();
             Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (v INT)");
            s.execute("INSERT INTO probe VALUES (42)");
        }
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("pg"), binaries, port).start();
             Connection c = pg.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM probe")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            assertTrue(pg.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:"));
        }
    }
}
