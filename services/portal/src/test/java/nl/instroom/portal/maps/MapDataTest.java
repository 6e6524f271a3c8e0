package nl.instroom.portal.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MapDataTest {

    @Test
    void aNameCannotCloseTheScriptElementItIsWrittenInAndReadsBackUnchanged() {
        Map<String, Object> school = Map.of("name", "De <Regenboog> </script><script>alert(1)</script><!--",
                "why", List.of(Map.of("explanation", "2 < 3")));

        String island = MapData.island(List.of(school));

        assertThat(island).doesNotContain("<");
        assertThat(JsonMapper.builder().build().readValue(island, List.class)).containsExactly(school);
    }
}
