package org.yiyang.region.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.region.Region;
import org.yiyang.region.RegionCode;
import org.yiyang.region.Regions;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/** Region look-ups for API clients. Region codes and names are public statistical data. */
@PreAuthorize(Access.SIGNED_IN)
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions")
class RegionController {
    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    record RegionDto(String code, @Nullable String parentCode, String level, String name, String path, boolean demo) {
        static RegionDto of(Region r) {
            return new RegionDto(r.code(), r.parentCode(), r.level().name(), r.name(), r.path(), r.demo());
        }
    }

    @Operation(summary = "One region by its 12-digit code")
    @GetMapping("/{code}")
    RegionDto region(@PathVariable String code) {
        return RegionDto.of(find(code));
    }

    @Operation(summary = "The regions directly below a region, in code order")
    @GetMapping("/{code}/children")
    List<RegionDto> children(@PathVariable String code) {
        find(code);
        return regions.children(code).stream().map(RegionDto::of).toList();
    }

    private Region find(String code) {
        if (!RegionCode.isWellFormed(code)) {
            throw InvalidInput.of("code", "REGION_CODE_FORMAT");
        }
        return regions.find(code).orElseThrow(() -> new NotFound("region"));
    }
}
