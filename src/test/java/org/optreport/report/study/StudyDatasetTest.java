package org.optreport.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.DatasetParameters;
import org.optreport.report.ReportConfig;

class StudyDatasetTest {
    @TempDir Path dir;
    Path content;

    @BeforeEach void csv() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.createDirectories(content.resolve("data"));
        Files.writeString(content.resolve("data/mine.csv"), "dose,response,noise\n1,2,3\n2,3,1\n3,5,2\n");
    }

    private StudyDataset read(String section) throws IOException {
        Path yaml = content.resolve("report.yaml");
        Files.writeString(yaml, "# my settings\nlandscape:\n" + section);
        return StudyDataset.read(ReportConfig.load(yaml).forStudy("landscape", true), DatasetParameters.STANDARD);
    }

    private ConfigException failure(String section) {
        return assertThrows(ConfigException.class, () -> read(section));
    }

    @Test void withoutSettingsTheRunsReadTheBundledDefault() throws IOException {
        Map<String, String> p = new TreeMap<>();
        read("  seeds: 2\n").addTo(p);
        assertEquals(Map.of("dataset", "diabetes", "inputs", "auto", "targets", "auto"), p);
    }

    @Test void aCsvPathIsRelativeToReportYamlsFolderAndItsColumnsAreChosen() throws IOException {
        StudyDataset d = read("  dataset: data/mine.csv\n  inputs: [dose, noise]\n  targets: response\n");
        Map<String, String> p = new TreeMap<>();
        d.addTo(p);
        assertEquals(content.resolve("data/mine.csv").toString(), p.get("dataset"));
        assertEquals("dose,noise", p.get("inputs"));
        assertEquals("response", p.get("targets"));
        assertEquals(List.of("dose", "noise"), d.data().inputColumns());
        assertEquals(3, d.data().samples());
    }

    @Test void withoutColumnsTheLastIsTheTargetAndTheOthersTheInputs() throws IOException {
        StudyDataset d = read("  dataset: data/mine.csv\n");
        assertEquals(List.of("dose", "response"), d.data().inputColumns());
        assertEquals(List.of("noise"), d.data().targetColumns());
    }

    @Test void aMissingFileNamesTheKeyItsLineAndThePath() {
        String m = failure("  seeds: 2\n  dataset: data/missing.csv\n").getMessage();
        assertTrue(m.startsWith(content.resolve("report.yaml") + ":4: landscape.dataset: no such file " + content.resolve("data/missing.csv")), m);
    }

    @Test void anUnknownColumnNamesTheKeyItsLineTheFileAndTheColumnItWasMeantToBe() {
        String m = failure("  dataset: data/mine.csv\n  inputs: dose\n  targets: respons\n").getMessage();
        assertTrue(m.startsWith(content.resolve("report.yaml") + ":5: landscape.targets: " + content.resolve("data/mine.csv")
                + " has no column 'respons' (did you mean 'response'?"), m);
    }

    @Test void aColumnThatIsBothInputAndTargetIsRefused() {
        String m = failure("  dataset: data/mine.csv\n  inputs: [dose, response]\n  targets: response\n").getMessage();
        assertTrue(m.contains(":4: landscape.inputs: ") && m.contains("response") && m.contains("both an input and a target"), m);
    }

    @Test void aMalformedCsvNamesTheKeyAndTheFilesLine() throws IOException {
        Files.writeString(content.resolve("data/mine.csv"), "dose,response\n1,2\n3,x\n");
        String m = failure("  dataset: data/mine.csv\n").getMessage();
        assertTrue(m.contains(":3: landscape.dataset: ") && m.contains(content.resolve("data/mine.csv") + ":3") && m.contains("'x' is not a number"), m);
    }
}
