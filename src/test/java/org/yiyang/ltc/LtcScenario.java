package org.yiyang.ltc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.TestUsers;

/**
 * One LTC set-up through the API, as the office and a provider would do it: a street of its own below 天河, an LTC
 * officer, a designated provider with its staff, and helpers to record insured beneficiaries, plans and records.
 */
public final class LtcScenario {
    public static final double HOME_LAT = 23.1300;
    public static final double HOME_LON = 113.3200;

    public final MockMvc mvc;
    public final LtcWorld world;
    public final String street;
    public final String officer;
    public final UUID facilityProvider = UUID.randomUUID();
    public final UUID designated;
    public final String staff;

    public LtcScenario(MockMvc mvc, TestUsers users, LtcWorld world) throws Exception {
        this.mvc = mvc;
        this.world = world;
        this.street = world.street();
        this.officer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, LtcWorld.TIANHE), TestUsers.PASSWORD);
        this.designated = world.designatedProvider(LtcWorld.TIANHE, facilityProvider);
        this.staff = Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE, facilityProvider), TestUsers.PASSWORD);
    }

    /** An insured resident of the street recorded as a beneficiary; returns the beneficiary id. */
    public String beneficiary(String insuredType, String group, Integer level, String careForm, String validTo)
            throws Exception {
        return beneficiary(insuredType, group, level, careForm, "2026-01-01", validTo);
    }

    /** As above, with the first day of the benefit. */
    public String beneficiary(String insuredType, String group, Integer level, String careForm, String validFrom,
                              String validTo) throws Exception {
        var person = world.resident(street);
        send(officer, "/api/v1/ltc/persons/" + person.id() + "/insured",
                "{\"insuredType\":\"" + insuredType + "\",\"validFrom\":\"2025-01-01\"}");
        String position = careForm.equals("HOME") ? ",\"homeLatitude\":" + HOME_LAT + ",\"homeLongitude\":" + HOME_LON
                : "";
        String body = send(officer, "/api/v1/ltc/beneficiaries", """
                {"personId":"%s","group":"%s","ltcLevel":%s,"careForm":"%s","designatedProviderId":"%s",
                 "validFrom":"%s","validTo":"%s","disabledSince":"2025-03-01"%s}""".formatted(person.id(),
                group, level, careForm, designated, validFrom, validTo, position));
        return JsonPath.read(body, "$.id");
    }

    /** A plan for 2026 with daily visits of an hour (or the given visits) and the items. */
    public String plan(String beneficiary, String visits, String... items) throws Exception {
        List<String> itemJson = new ArrayList<>();
        for (String item : items) {
            itemJson.add("{\"code\":\"" + item + "\",\"timesPerMonth\":31}");
        }
        String body = send(staff, "/api/v1/ltc/beneficiaries/" + beneficiary + "/care-plans", """
                {"startOn":"2026-01-01","endOn":"2026-12-31",%s,"items":[%s]}"""
                .formatted(visits, String.join(",", itemJson)));
        return JsonPath.read(body, "$.id");
    }

    /** A home visit line: record id, beneficiary, day, caregiver, qualification, hour of check-in, minutes, items. */
    public static String visit(String recordId, String beneficiary, String day, String caregiver, String qualification,
                        int hour, int minutes, double lat, String items) {
        String in = day + "T%02d:00:00Z".formatted(hour);
        String out = java.time.Instant.parse(in).plusSeconds(minutes * 60L).toString();
        return """
                {"recordId":"%s","beneficiaryId":"%s","serviceDate":"%s","caregiverId":"%s","qualification":"%s",
                 "checkIn":"%s","checkOut":"%s","checkInLatitude":%s,"checkInLongitude":%s,"items":[%s]}"""
                .formatted(recordId, beneficiary, day, caregiver, qualification, in, out, lat, HOME_LON, items);
    }

    /** An institution day line. */
    public static String day(String recordId, String beneficiary, String day, long bedFeeFen, String items) {
        return """
                {"recordId":"%s","beneficiaryId":"%s","serviceDate":"%s","qualification":"NURSE","bedFeeFen":%d,
                 "items":[%s]}""".formatted(recordId, beneficiary, day, bedFeeFen, items);
    }

    public static String item(String code, int quantity) {
        return "{\"code\":\"" + code + "\",\"quantity\":" + quantity + "}";
    }

    public String submit(List<String> lines) throws Exception {
        return submit(designated, lines);
    }

    public String submit(UUID designatedProvider, List<String> lines) throws Exception {
        return mvc.perform(post("/api/v1/ltc/service-records").header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designatedProviderId\":\"" + designatedProvider + "\",\"records\":["
                                + String.join(",", lines) + "]}"))
                .andReturn().getResponse().getContentAsString();
    }

    public String settle(String month) throws Exception {
        return send(officer, "/api/v1/ltc/settlements", "{\"regionCode\":\"" + street + "\",\"month\":\"" + month
                + "\"}");
    }

    public String statement(String beneficiary, String month) throws Exception {
        return mvc.perform(get("/api/v1/ltc/beneficiaries/" + beneficiary + "/statement").param("month", month)
                .header("Authorization", officer)).andReturn().getResponse().getContentAsString();
    }

    public String send(String token, String url, String body) throws Exception {
        var response = mvc.perform(post(url).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        if (response.getStatus() >= 300) {
            throw new AssertionError(url + " answered " + response.getStatus() + ": "
                    + response.getContentAsString());
        }
        return response.getContentAsString();
    }
}
