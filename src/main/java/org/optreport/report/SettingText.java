package org.optreport.report;

import java.util.List;
import org.optreport.experiment.settings.Setting;

/** A study setting's defaults written as content/report.yaml writes them (a list in YAML's brackets), for listings. */
public final class SettingText {
    private SettingText() {}

    /** The default of a full build, or of a quick one, e.g. {@code 5} or {@code [2, 3, 4]}. */
    public static String defaultOf(Setting<?> setting, boolean quick) {
        Object value = setting.defaultValue(quick);
        String text = quick ? setting.quickDefaultText() : setting.defaultText();
        return value instanceof List ? "[" + text.replace(",", ", ") + "]" : text;
    }

    /** Whether {@code build --quick} takes another default. */
    public static boolean quickDiffers(Setting<?> setting) {
        return !setting.quickDefault().equals(setting.defaultValue());
    }
}
