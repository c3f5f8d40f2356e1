package org.yiyang.region.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiyang.region.Region;
import org.yiyang.region.Regions;
import org.yiyang.shared.NotFound;

/** The region tree: the city, then one level at a time (htmx expands a node in place; links work without it). */
@PreAuthorize(Access.SIGNED_IN)
@Controller
class RegionPages {
    private final Regions regions;

    RegionPages(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    String tree(Model model) {
        return show(regions.city().code(), model);
    }

    @GetMapping("/regions/{code}")
    String show(@PathVariable String code, Model model) {
        Region region = regions.find(code).orElseThrow(() -> new NotFound("region"));
        model.addAttribute("region", region);
        model.addAttribute("parent", region.parentCode() == null ? null : regions.find(region.parentCode()).orElse(null));
        model.addAttribute("children", regions.children(code));
        return "region/tree";
    }

    @GetMapping("/regions/{code}/children")
    String children(@PathVariable String code, Model model) {
        model.addAttribute("children", regions.children(code));
        return "region/tree :: children";
    }
}
