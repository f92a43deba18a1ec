package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.data.DataException;
import org.optreport.data.Dataset;

class DatasetParametersTest {
    @TempDir Path dir;

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("mine.csv"), "dose,response,noise\n1,2,3\n2,3,1\n3,5,2\n");
    }

    private static Dataset load(DatasetParameters declared, Map<String, String> given) {
        return declared.load(Parameters.of("test", declared.settings(), given));
    }

    @Test void theChosenColumnsAreTheInputsAndTargets() throws IOException {
        Dataset d = load(DatasetParameters.STANDARD, Map.of("dataset", csv().toString(), "inputs", "noise,dose", "targets", "response"));
        assertEquals(List.of("noise", "dose"), d.inputColumns());
        assertEquals(List.of("response"), d.targetColumns());
        assertEquals(3.0, d.x().get(0, 0)); // noise of the first row
        assertEquals(2.0, d.y().get(0, 0));
    }

    @Test void autoTakesTheLastColumnAsTargetAndTheOthersAsInputs() throws IOException {
        Dataset d = load(DatasetParameters.STANDARD, Map.of("dataset", csv().toString()));
        assertEquals(List.of("dose", "response"), d.inputColumns());
        assertEquals(List.of("noise"), d.targetColumns());
    }

    @Test void anUnknownColumnNamesTheFileAndTheColumnItWasMeantToBe() throws IOException {
        Path file = csv();
        DataException e = assertThrows(DataException.class,
                () -> load(DatasetParameters.STANDARD, Map.of("dataset", file.toString(), "inputs", "dos")));
        assertTrue(e.getMessage().startsWith(file + ":1, column 'dos': no such column (did you mean 'dose'?"), e.getMessage());
    }

    @Test void anEmptyColumnNameIsRefusedNamingTheParameter() {
        ParameterException e = assertThrows(ParameterException.class, () -> load(DatasetParameters.STANDARD, Map.of("inputs", "dose,,noise")));
        assertTrue(e.getMessage().contains("inputs"), e.getMessage());
    }

    @Test void anotherDefaultInputKeepsTheSharedKeysAndDescriptions() {
        DatasetParameters scalar = DatasetParameters.STANDARD.withDefaultInputs(List.of("bmi"));
        assertEquals(List.of("dataset", "inputs", "targets"), scalar.settings().stream().map(s -> s.key()).toList());
        assertEquals(DatasetParameters.INPUTS.description(), scalar.inputs().description());
        assertEquals(List.of("bmi"), load(scalar, Map.of()).inputColumns());
    }
}
