package org.yiyang.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Name tables of the demo city (people, places, roads, organisations). Demo data only. */
final class DemoNames {
    /** Common surnames, the most frequent (in Guangdong) first; drawn with a falling weight. */
    static final String SURNAMES = "陈李黄张梁林刘吴何罗郭郑谢冯邓曾彭王杨周叶苏卢蔡潘钟赵徐朱胡许马高朗欧麦关莫区谭"
            + "伍温严邱江方袁余施孔石崔程廖韦贺尹邝骆龚简甘冼";
    static final String[] MALE_GIVEN = {"国华", "建国", "志强", "伟明", "永康", "锦荣", "炳坤", "家豪", "耀祖", "汉文",
            "树森", "振华", "国强", "文辉", "德胜", "金水", "润生", "荣", "明", "强", "伟", "超", "辉", "坚", "添福", "桂林",
            "少华", "庆祥", "绍基", "培基", "兆康", "志刚", "惠民", "永坚", "柏林", "卫东", "建新", "新民", "光明", "国平"};
    static final String[] FEMALE_GIVEN = {"秀英", "桂英", "淑珍", "玉兰", "凤仙", "丽珍", "美玲", "惠芳", "少霞", "月娥",
            "瑞芳", "翠屏", "碧霞", "玉珍", "银娣", "亚妹", "燕", "芳", "红", "琴", "梅", "霞", "英", "婉仪", "淑仪", "佩玲",
            "丽华", "少芬", "金好", "彩娟", "雪梅", "素珍", "秀兰", "凤英", "桂芳", "丽娟", "爱华", "卫红", "文娟", "满妹"};
    private static final String PLACE_FIRST = "东西南北新大小石沙龙凤金华江桥岗塘湖田山水竹梅松柏云白黄龙鹤马牛"
            + "钟太长永宝福安平和兴盛珠朱鱼榄蕉茶莲荔";
    private static final String PLACE_SECOND = "山村岗塘湖田洲头滘涌围坑埔岭圃源冈沙角园口基湾岗庄坊街桥浦朗寮墩";
    static final String[] ROADS = {"中山", "解放", "人民", "环市", "东风", "黄埔", "广州大道", "天河", "工业", "新港",
            "迎宾", "建设", "和平", "团结", "幸福", "长寿", "兴业", "光明", "农林", "花园", "滨江", "沿江", "永福",
            "跃进", "石井", "龙口", "南华", "芳村", "文昌", "康王"};
    static final String[] TRADE_NAMES = {"颐年", "康乐", "福寿", "松鹤", "乐龄", "长青", "夕阳红", "仁爱", "慈恩",
            "怡康", "安康", "晚晴", "寿康", "和颐", "悦年", "善缘", "友好", "同心", "恒福", "泰康", "万寿", "椿萱",
            "春晖", "金色年华", "银龄", "康宁", "永安", "祥和", "德仁", "颐德"};

    private DemoNames() {
    }

    /** Distinct two-character place names in a seeded order. */
    static List<String> placeNames(RandomGenerator random) {
        List<String> all = new ArrayList<>();
        for (char a : PLACE_FIRST.toCharArray()) {
            for (char b : PLACE_SECOND.toCharArray()) {
                if (a != b) {
                    all.add("" + a + b);
                }
            }
        }
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return all;
    }

    /** A surname; earlier (more common) ones are drawn more often. */
    static char surname(RandomGenerator random) {
        double u = random.nextDouble();
        return SURNAMES.charAt((int) (u * u * SURNAMES.length()));
    }

    static <T> T pick(T[] values, RandomGenerator random) {
        return values[random.nextInt(values.length)];
    }
}
