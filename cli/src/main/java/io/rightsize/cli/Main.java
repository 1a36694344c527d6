package io.rightsize.cli;

import io.rightsize.cli.command.BacktestCommand;
import io.rightsize.cli.command.BenchCommand;
import io.rightsize.cli.command.DemoCommand;
import io.rightsize.cli.command.DownCommand;
import io.rightsize.cli.command.ExperimentCommand;
import io.rightsize.cli.command.ModelCommand;
import io.rightsize.cli.command.RecommendCommand;
import io.rightsize.cli.command.StatusCommand;
import io.rightsize.cli.command.SubmitCommand;
import io.rightsize.cli.command.TrainCommand;
import io.rightsize.cli.command.UpCommand;
import io.rightsize.cli.command.UsageCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./rightsize} command line; {@code --help} and {@code --version} on every subcommand too. */
@Command(name = "rightsize", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "rightsize 0.1.0",
        description = "Watches what tasks really consume and gives each one just the resources it needs.",
        subcommands = {UpCommand.class, DownCommand.class, SubmitCommand.class, StatusCommand.class,
                UsageCommand.class, DemoCommand.class, TrainCommand.class, ModelCommand.class,
                RecommendCommand.class, BacktestCommand.class, ExperimentCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Home.configureLogging();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
