package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.onFx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.ListOrdersResponse;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.viewmodel.ClientModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Stack tab's task capacity against a stub orchestrator that answers ListOrders and GetCapacity: what it says
 * before connecting, the capacity polled while connected (the waiting count follows the orchestrator), and the
 * unreachable text once the orchestrator is gone.
 */
@ExtendWith(ApplicationExtension.class)
class CapacityWindowTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final long GIB = 1L << 30;

    @TempDir
    static Path dir;

    private final AtomicInteger waiting = new AtomicInteger(1);
    private ClientModel model;
    private Server orchestrator;

    @Start
    void start(Stage stage) throws IOException {
        orchestrator = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new StubOrchestrator()).build().start();
        model = new ClientModel(() -> StackConfig.freePorts(HOME, dir.resolve("stack")),
                new SettingsStore(dir.resolve("settings.properties")));
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        model.shutdown();
        orchestrator.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void showsTheCapacityWhileConnectedAndSaysWhenTheOrchestratorIsGone(FxRobot robot) throws InterruptedException {
        assertTrue(text(robot, "#capacitySummary").startsWith("not connected"));
        assertFalse(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "no bar before connecting");

        String address = "127.0.0.1:" + orchestrator.getPort();
        robot.interact(() -> {
            model.connection().orchestratorProperty().set(address);
            model.connection().connect();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> text(robot, "#capacitySummary")
                .equals("2 running, 1 waiting"));
        robot.clickOn("#stackTab");
        assertTrue(text(robot, "#capacityCpu").startsWith("reserved 1500m CPU of 2 CPU (75%), used now 900m CPU"));
        assertTrue(text(robot, "#capacityMemory").startsWith("reserved 1.0 GiB of 4.0 GiB (25%)"));
        assertTrue(text(robot, "#capacityBasis").contains("RIGHTSIZE_TASK_CPU"));
        assertTrue(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "the CPU bar");

        waiting.set(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#capacitySummary")
                .equals("2 running, 0 waiting"));

        orchestrator.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> text(robot, "#capacitySummary")
                .startsWith("orchestrator " + address + " unreachable (UNAVAILABLE"));
        assertFalse(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "no stale bar");
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> {
            Node node = robot.lookup(id).query();
            return ((Label) node).getText();
        });
    }

    /** Answers as an orchestrator with a configured capacity would; the waiting count is the test's to change. */
    private final class StubOrchestrator extends OrderServiceGrpc.OrderServiceImplBase {

        @Override
        public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
            response.onNext(ListOrdersResponse.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getCapacity(GetCapacityRequest request, StreamObserver<CapacityStatus> response) {
            response.onNext(CapacityStatus.newBuilder().setAdmission(true).setCpuMillicores(2000)
                    .setMemoryBytes(4 * GIB).setBasis("configured (RIGHTSIZE_TASK_CPU, RIGHTSIZE_TASK_MEMORY)")
                    .setEnforcement("cgroup v1 under /rightsize").setReservedCpuMillicores(1500)
                    .setReservedMemoryBytes(GIB).setUsedKnown(true).setUsedCpuMillicores(900)
                    .setUsedMemoryBytes(700L << 20).setRunningTasks(2).setWaitingTasks(waiting.get()).build());
            response.onCompleted();
        }
    }
}
