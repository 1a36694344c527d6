package io.rightsize.fx;

import javafx.application.Application;

/** Launches {@link RightsizeApp}; a separate class because JavaFX on the class path refuses an Application main. */
public final class FxMain {

    private FxMain() {
    }

    public static void main(String[] args) {
        Application.launch(RightsizeApp.class, args);
    }
}
