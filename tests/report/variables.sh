#!/bin/sh
OLD_PORTS="22,659"
iptables -A INPUT -p udp -m multiport --dports $OLD_PORTS -j ACCEPT
