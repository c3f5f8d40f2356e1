package org.yiyang.facility.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.Facility;
import org.yiyang.facility.FacilityPage;
import org.yiyang.region.Region;
import org.yiyang.region.Regions;
import org.yiyang.shared.NotFound;

/** Facilities for API clients. Facilities are public information, but the API still needs an authenticated user. */
@PreAuthorize(Access.SIGNED_IN)
@RestController
@RequestMapping("/api/v1/facilities")
@Tag(name = "facilities")
class FacilityController {
    private final Facilities facilities;
    private final Regions regions;

    FacilityController(Facilities facilities, Regions regions) {
        this.facilities = facilities;
        this.regions = regions;
    }

    record FacilityDto(UUID id, String name, String type, @Nullable String level, UUID providerId,
                       String providerName, String ownership, String creditCode, String regionCode,
                       @Nullable String regionName, @Nullable String address, @Nullable Double latitude,
                       @Nullable Double longitude, @Nullable Double floorAreaM2, @Nullable Integer bedsTotal,
                       @Nullable Integer bedsOccupied, @Nullable String openingHours, List<String> services,
                       boolean demo) {
        static FacilityDto of(Facility f, @Nullable String regionName) {
            return new FacilityDto(f.id(), f.name(), f.type().name(), f.level(), f.providerId(), f.providerName(),
                    f.ownership().name(), f.creditCode().value(), f.regionCode(), regionName, f.address(),
                    f.latitude(), f.longitude(), f.floorAreaM2(), f.bedsTotal(), f.bedsOccupied(), f.openingHours(),
                    f.services(), f.demo());
        }
    }

    record PageDto(List<FacilityDto> items, int page, int size, long total) {
    }

    @Operation(summary = "Facilities by type and region subtree, a page at a time (page from 0, size 1–100)")
    @GetMapping
    PageDto list(@RequestParam(required = false) @Nullable String type,
                 @RequestParam(required = false) @Nullable String region,
                 @RequestParam(required = false) @Nullable String page,
                 @RequestParam(required = false) @Nullable String size) {
        var filter = FacilityFilter.parse(type, region, page, size, regions);
        FacilityPage result = facilities.list(filter.type(), filter.regionPath(), filter.page(), filter.size());
        var names = new RegionNames(regions);
        return new PageDto(result.items().stream().map(f -> FacilityDto.of(f, names.of(f.regionCode()))).toList(),
                result.page(), result.size(), result.total());
    }

    @Operation(summary = "One facility")
    @GetMapping("/{id}")
    FacilityDto facility(@PathVariable UUID id) {
        Facility f = facilities.find(id).orElseThrow(() -> new NotFound("facility"));
        return FacilityDto.of(f, regions.find(f.regionCode()).map(Region::name).orElse(null));
    }
}
