package io.rightsize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} works on every subcommand, as a newcomer types it, without anything running. */
class HelpTest {

    @Test
    void everySubcommandPrintsItsUsageForHelpAndExitsZero() {
        CommandLine root = Main.commandLine();
        assertTrue(root.getSubcommands().size() >= 11, root.getSubcommands().keySet().toString());
        for (String name : root.getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));

            int exit = cli.execute(name, "--help");

            assertEquals(0, exit, name);
            assertTrue(out.toString().startsWith("Usage: rightsize " + name), name + ": " + out);
        }
    }
}
