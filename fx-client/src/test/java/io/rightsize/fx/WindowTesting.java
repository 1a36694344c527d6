package io.rightsize.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the window tests: read state on the FX thread, find rendered table cells and labels by their text. */
final class WindowTesting {

    private WindowTesting() {
    }

    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a cell of the table with this id shows text containing {@code text}. */
    static boolean tableShows(FxRobot robot, String tableId, String text) {
        return onFx(() -> !robot.from(robot.lookup(tableId).queryAll())
                .lookup((Node n) -> n instanceof TableCell<?, ?> cell && cell.getText() != null
                        && cell.getText().contains(text))
                .queryAll().isEmpty());
    }

    /** The text of the label (or button) with this id. */
    static String labelText(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    static TableCell<?, ?> cell(FxRobot robot, String tableId, String text) {
        return onFx(() -> robot.from(robot.lookup(tableId).queryAll())
                .lookup((Node n) -> n instanceof TableCell<?, ?> cell && text.equals(cell.getText()))
                .query());
    }
}
