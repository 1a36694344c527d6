package io.rightsize.fx;

import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.viewmodel.ClientModel;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop client. The embedded stack runs from the project directory ({@code -Drightsize.home}, default
 * the working directory) on the documented ports, keeping its data in {@code .rightsize/stack} like
 * {@code ./rightsize up}.
 */
public final class RightsizeApp extends Application {

    private ClientModel model;

    @Override
    public void start(Stage stage) {
        Path home = Path.of(System.getProperty("rightsize.home", ".")).toAbsolutePath().normalize();
        model = new ClientModel(() -> StackConfig.defaults(home, home.resolve(".rightsize/stack"), System.getenv()),
                SettingsStore.userDefault());
        stage.setTitle("Rightsize");
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }
}
