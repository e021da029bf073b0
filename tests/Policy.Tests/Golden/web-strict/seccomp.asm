0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0003 jf 0002
0002: ret  #0x80000000  ; KILL_PROCESS
0003: ld   [0]  ; nr
0004: jge  #0x101       jt 0083 jf 0005
0005: jge  #0x86        jt 0042 jf 0006
0006: jge  #0x39        jt 0033 jf 0007
0007: jge  #0x29        jt 0009 jf 0008
0008: ret  #0x7fff0000  ; ALLOW
0009: jge  #0x2a        jt 0026 jf 0010
0010: ld   [20]  ; args[0] (high)
0011: jeq  #0x0         jt 0012 jf 0015
0012: ld   [16]  ; args[0] (low)
0013: jeq  #0x1         jt 0014 jf 0015
0014: ret  #0x7fff0000  ; ALLOW
0015: ld   [20]  ; args[0] (high)
0016: jeq  #0x0         jt 0017 jf 0020
0017: ld   [16]  ; args[0] (low)
0018: jeq  #0x2         jt 0019 jf 0020
0019: ret  #0x7fff0000  ; ALLOW
0020: ld   [20]  ; args[0] (high)
0021: jeq  #0x0         jt 0022 jf 0025
0022: ld   [16]  ; args[0] (low)
0023: jeq  #0xa         jt 0024 jf 0025
0024: ret  #0x7fff0000  ; ALLOW
0025: ret  #0x50001  ; ERRNO(1)
0026: jge  #0x38        jt 0028 jf 0027
0027: ret  #0x7fff0000  ; ALLOW
0028: ld   [16]  ; args[0] (low)
0029: and  #0x7e020000
0030: jeq  #0x0         jt 0031 jf 0032
0031: ret  #0x7fff0000  ; ALLOW
0032: ret  #0x50001  ; ERRNO(1)
0033: jge  #0x65        jt 0035 jf 0034
0034: ret  #0x7fff0000  ; ALLOW
0035: jge  #0x68        jt 0041 jf 0036
0036: jge  #0x66        jt 0038 jf 0037
0037: ret  #0x50001  ; ERRNO(1)
0038: jge  #0x67        jt 0040 jf 0039
0039: ret  #0x7fff0000  ; ALLOW
0040: ret  #0x50001  ; ERRNO(1)
0041: ret  #0x7fff0000  ; ALLOW
0042: jge  #0xba        jt 0060 jf 0043
0043: jge  #0xa3        jt 0059 jf 0044
0044: jge  #0x99        jt 0052 jf 0045
0045: jge  #0x8c        jt 0051 jf 0046
0046: jge  #0x89        jt 0048 jf 0047
0047: ret  #0x50001  ; ERRNO(1)
0048: jge  #0x8b        jt 0050 jf 0049
0049: ret  #0x7fff0000  ; ALLOW
0050: ret  #0x50001  ; ERRNO(1)
0051: ret  #0x7fff0000  ; ALLOW
0052: jge  #0x9d        jt 0054 jf 0053
0053: ret  #0x50001  ; ERRNO(1)
0054: jge  #0xa1        jt 0056 jf 0055
0055: ret  #0x7fff0000  ; ALLOW
0056: jge  #0xa2        jt 0058 jf 0057
0057: ret  #0x50001  ; ERRNO(1)
0058: ret  #0x7fff0000  ; ALLOW
0059: ret  #0x50001  ; ERRNO(1)
0060: jge  #0xd4        jt 0062 jf 0061
0061: ret  #0x7fff0000  ; ALLOW
0062: jge  #0xec        jt 0070 jf 0063
0063: jge  #0xe3        jt 0067 jf 0064
0064: jge  #0xd5        jt 0066 jf 0065
0065: ret  #0x50001  ; ERRNO(1)
0066: ret  #0x7fff0000  ; ALLOW
0067: jge  #0xe4        jt 0069 jf 0068
0068: ret  #0x50001  ; ERRNO(1)
0069: ret  #0x7fff0000  ; ALLOW
0070: jge  #0xf6        jt 0074 jf 0071
0071: jge  #0xf0        jt 0073 jf 0072
0072: ret  #0x50001  ; ERRNO(1)
0073: ret  #0x7fff0000  ; ALLOW
0074: jge  #0xfb        jt 0080 jf 0075
0075: jge  #0xf8        jt 0079 jf 0076
0076: jge  #0xf7        jt 0078 jf 0077
0077: ret  #0x50001  ; ERRNO(1)
0078: ret  #0x7fff0000  ; ALLOW
0079: ret  #0x50001  ; ERRNO(1)
0080: jge  #0x100       jt 0082 jf 0081
0081: ret  #0x7fff0000  ; ALLOW
0082: ret  #0x50001  ; ERRNO(1)
0083: jge  #0x1a8       jt 0125 jf 0084
0084: jge  #0x150       jt 0124 jf 0085
0085: jge  #0x12a       jt 0095 jf 0086
0086: jge  #0x118       jt 0094 jf 0087
0087: jge  #0x110       jt 0089 jf 0088
0088: ret  #0x7fff0000  ; ALLOW
0089: jge  #0x111       jt 0091 jf 0090
0090: ret  #0x50001  ; ERRNO(1)
0091: jge  #0x117       jt 0093 jf 0092
0092: ret  #0x7fff0000  ; ALLOW
0093: ret  #0x50001  ; ERRNO(1)
0094: ret  #0x7fff0000  ; ALLOW
0095: jge  #0x13a       jt 0113 jf 0096
0096: jge  #0x131       jt 0106 jf 0097
0097: jge  #0x12d       jt 0103 jf 0098
0098: jge  #0x12b       jt 0100 jf 0099
0099: ret  #0x50001  ; ERRNO(1)
0100: jge  #0x12c       jt 0102 jf 0101
0101: ret  #0x7fff0000  ; ALLOW
0102: ret  #0x50001  ; ERRNO(1)
0103: jge  #0x130       jt 0105 jf 0104
0104: ret  #0x7fff0000  ; ALLOW
0105: ret  #0x50001  ; ERRNO(1)
0106: jge  #0x136       jt 0112 jf 0107
0107: jge  #0x134       jt 0109 jf 0108
0108: ret  #0x7fff0000  ; ALLOW
0109: jge  #0x135       jt 0111 jf 0110
0110: ret  #0x50001  ; ERRNO(1)
0111: ret  #0x7fff0000  ; ALLOW
0112: ret  #0x50001  ; ERRNO(1)
0113: jge  #0x144       jt 0121 jf 0114
0114: jge  #0x140       jt 0116 jf 0115
0115: ret  #0x7fff0000  ; ALLOW
0116: jge  #0x142       jt 0118 jf 0117
0117: ret  #0x50001  ; ERRNO(1)
0118: jge  #0x143       jt 0120 jf 0119
0119: ret  #0x7fff0000  ; ALLOW
0120: ret  #0x50001  ; ERRNO(1)
0121: jge  #0x14f       jt 0123 jf 0122
0122: ret  #0x7fff0000  ; ALLOW
0123: ret  #0x50001  ; ERRNO(1)
0124: ret  #0x50026  ; ERRNO(38)
0125: jge  #0x1d3       jt 0155 jf 0126
0126: jge  #0x1bc       jt 0146 jf 0127
0127: jge  #0x1b2       jt 0131 jf 0128
0128: jge  #0x1a9       jt 0130 jf 0129
0129: ret  #0x7fff0000  ; ALLOW
0130: ret  #0x50001  ; ERRNO(1)
0131: jge  #0x1b6       jt 0137 jf 0132
0132: jge  #0x1b4       jt 0136 jf 0133
0133: jge  #0x1b3       jt 0135 jf 0134
0134: ret  #0x7fff0000  ; ALLOW
0135: ret  #0x50001  ; ERRNO(1)
0136: ret  #0x7fff0000  ; ALLOW
0137: jge  #0x1b8       jt 0141 jf 0138
0138: jge  #0x1b7       jt 0140 jf 0139
0139: ret  #0x50001  ; ERRNO(1)
0140: ret  #0x7fff0000  ; ALLOW
0141: jge  #0x1ba       jt 0145 jf 0142
0142: jge  #0x1b9       jt 0144 jf 0143
0143: ret  #0x50001  ; ERRNO(1)
0144: ret  #0x7fff0000  ; ALLOW
0145: ret  #0x50001  ; ERRNO(1)
0146: jge  #0x1cb       jt 0152 jf 0147
0147: jge  #0x1c3       jt 0151 jf 0148
0148: jge  #0x1c2       jt 0150 jf 0149
0149: ret  #0x7fff0000  ; ALLOW
0150: ret  #0x50001  ; ERRNO(1)
0151: ret  #0x7fff0000  ; ALLOW
0152: jge  #0x1ce       jt 0154 jf 0153
0153: ret  #0x50001  ; ERRNO(1)
0154: ret  #0x7fff0000  ; ALLOW
0155: jge  #0x40000000  jt 0157 jf 0156
0156: ret  #0x50026  ; ERRNO(38)
0157: jge  #0xffffffff  jt 0159 jf 0158
0158: ret  #0x80000000  ; KILL_PROCESS
0159: ret  #0x50026  ; ERRNO(38)
