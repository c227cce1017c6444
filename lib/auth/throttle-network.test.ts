import { describe, expect, it } from "vitest";
import { throttleNetwork } from "./throttle-network";

describe("throttleNetwork", () => {
  it("counts every address of one IPv6 /64 as one, in any spelling", () => {
    const network = "2001:db8:5:6::/64";
    for (const address of ["2001:db8:5:6::1", "2001:db8:5:6:ffff:ffff:ffff:ffff", "2001:0DB8:0005:0006:0:0:0:2a", "2001:db8:5:6:a:b:1.2.3.4", "2001:db8:5:6::1%eth0"]) {
      expect(throttleNetwork(address), address).toBe(network);
    }
  });

  it("keeps other /64s apart, and IPv4 and anything else as it is", () => {
    expect(throttleNetwork("2001:db8:5:7::1")).toBe("2001:db8:5:7::/64");
    expect(throttleNetwork("::1")).toBe("0:0:0:0::/64");
    expect(throttleNetwork("fe80::1")).toBe("fe80:0:0:0::/64");
    expect(throttleNetwork("203.0.113.5")).toBe("203.0.113.5");
    expect(throttleNetwork("::ffff:203.0.113.5"), "an IPv4 client on a dual-stack socket").toBe("203.0.113.5");
    expect(throttleNetwork("not an address")).toBe("not an address");
  });
});
