package org.yiyang.demo.internal;

import java.util.List;

/**
 * Demo parameters of one real district: how many streets (街道) and towns (镇) and communities/villages to generate,
 * its relative weight in the elderly population, a rough bounding box for coordinates, and real street names where
 * the demo uses them (else names are generated). Demo data only; not policy.
 */
record DistrictPlan(String code, int streets, int towns, int communities, int elderWeight, double latMin,
                    double latMax, double lonMin, double lonMax, List<String> streetNames) {

    String county() {
        return code.substring(0, 6);
    }

    int streetsAndTowns() {
        return streets + towns;
    }

    /** The eleven Guangzhou districts; about 176 streets and towns and 2,840 communities and villages in all. */
    static final List<DistrictPlan> GUANGZHOU = List.of(
            new DistrictPlan("440103000000", 22, 0, 190, 21, 23.04, 23.16, 113.17, 113.27, List.of("沙面", "岭南",
                    "华林", "多宝", "昌华", "逢源", "龙津", "金花", "彩虹", "南源", "西村", "站前", "桥中", "白鹤洞",
                    "冲口", "花地", "石围塘", "茶滘", "东漖", "海龙", "东沙", "中南")),
            new DistrictPlan("440104000000", 18, 0, 220, 26, 23.11, 23.17, 113.24, 113.32, List.of("北京", "人民",
                    "东山", "农林", "梅花村", "黄花岗", "华乐", "建设", "大塘", "珠光", "大东", "白云", "登峰", "矿泉",
                    "流花", "六榕", "洪桥", "光塔")),
            new DistrictPlan("440105000000", 18, 0, 270, 31, 23.05, 23.12, 113.24, 113.41, List.of("赤岗", "新港",
                    "昌岗", "江南中", "滨江", "素社", "海幢", "南华西", "龙凤", "沙园", "南石头", "凤阳", "瑞宝", "江海",
                    "琶洲", "南洲", "华洲", "官洲")),
            new DistrictPlan("440106000000", 21, 0, 230, 22, 23.10, 23.24, 113.31, 113.44, List.of("五山", "员村",
                    "车陂", "沙河", "石牌", "沙东", "天河南", "林和", "兴华", "棠下", "天园", "猎德", "冼村", "黄村",
                    "长兴", "龙洞", "凤凰", "前进", "珠吉", "新塘", "元岗")),
            new DistrictPlan("440111000000", 20, 4, 400, 30, 23.14, 23.43, 113.15, 113.50, List.of()),
            new DistrictPlan("440112000000", 16, 1, 200, 14, 23.05, 23.42, 113.40, 113.60, List.of()),
            new DistrictPlan("440113000000", 10, 6, 400, 28, 22.86, 23.08, 113.24, 113.55, List.of()),
            new DistrictPlan("440114000000", 4, 6, 240, 15, 23.30, 23.62, 112.95, 113.47, List.of()),
            new DistrictPlan("440115000000", 3, 6, 160, 10, 22.56, 22.92, 113.27, 113.70, List.of()),
            new DistrictPlan("440117000000", 3, 5, 230, 11, 23.47, 23.88, 113.27, 114.06, List.of()),
            new DistrictPlan("440118000000", 6, 7, 300, 17, 23.08, 23.62, 113.54, 114.05, List.of()));
}
