package org.yiyang.facility.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.Facility;
import org.yiyang.facility.FacilityPage;
import org.yiyang.facility.FacilityType;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;

/** The facility list with type and region filters and paging, and one facility's page. */
@PreAuthorize(Access.SIGNED_IN)
@Controller
class FacilityPages {
    private final Facilities facilities;
    private final Regions regions;

    FacilityPages(Facilities facilities, Regions regions) {
        this.facilities = facilities;
        this.regions = regions;
    }

    @GetMapping("/facilities")
    String list(@RequestParam(required = false) @Nullable String type,
                @RequestParam(required = false) @Nullable String region,
                @RequestParam(required = false) @Nullable String page, Model model) {
        model.addAttribute("types", FacilityType.values());
        model.addAttribute("districts", regions.below(regions.city().code(), RegionLevel.DISTRICT));
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("region", region == null ? "" : region);
        FacilityPage result;
        List<FieldProblem> problems = List.of();
        try {
            var filter = FacilityFilter.parse(type, region, page, null, regions);
            result = facilities.list(filter.type(), filter.regionPath(), filter.page(), filter.size());
            model.addAttribute("selectedRegion", filter.region());
        } catch (InvalidInput e) {
            problems = e.problems();
            result = new FacilityPage(List.of(), 0, FacilityFilter.DEFAULT_SIZE, 0);
        }
        model.addAttribute("problems", problems);
        model.addAttribute("result", result);
        model.addAttribute("regionNames", new RegionNames(regions));
        long pages = (result.total() + result.size() - 1) / result.size();
        model.addAttribute("pages", pages);
        return "facility/list";
    }

    @GetMapping("/facilities/{id}")
    String show(@PathVariable String id, Model model) {
        Facility f;
        try {
            f = facilities.find(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            f = null;
        }
        if (f == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("facility", f);
        model.addAttribute("regionNames", new RegionNames(regions));
        return "facility/show";
    }
}
