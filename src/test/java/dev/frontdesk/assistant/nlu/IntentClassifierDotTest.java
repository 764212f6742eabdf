package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentClassifierDotTest {

    @Test
    void theDotProductOfARowEqualsTheTextbookSumForEveryLengthAndOffset() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 7, 384, 385}) {
            int rows = 3;
            float[] matrix = new float[rows * length];
            float[] query = new float[length];
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = random.nextFloat() * 2 - 1;
            }
            for (int i = 0; i < length; i++) {
                query[i] = random.nextFloat() * 2 - 1;
            }
            for (int r = 0; r < rows; r++) {
                double expected = 0;
                for (int j = 0; j < length; j++) {
                    expected += (double) matrix[r * length + j] * query[j];
                }
                assertThat((double) IntentClassifier.dot(matrix, r * length, query, length))
                        .as("length %d, row %d", length, r)
                        .isCloseTo(expected, within(1e-4));
            }
        }
    }
}
