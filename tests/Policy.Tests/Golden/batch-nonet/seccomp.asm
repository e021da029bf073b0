0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0003 jf 0002
0002: ret  #0x80000000  ; KILL_PROCESS
0003: ld   [0]  ; nr
0004: jge  #0x101       jt 0082 jf 0005
0005: jge  #0x86        jt 0041 jf 0006
0006: jge  #0x39        jt 0032 jf 0007
0007: jge  #0x29        jt 0009 jf 0008
0008: ret  #0x7fff0000  ; ALLOW
0009: jge  #0x35        jt 0018 jf 0010
0010: jge  #0x2a        jt 0017 jf 0011
0011: ld   [20]  ; args[0] (high)
0012: jeq  #0x0         jt 0013 jf 0016
0013: ld   [16]  ; args[0] (low)
0014: jeq  #0x1         jt 0015 jf 0016
0015: ret  #0x7fff0000  ; ALLOW
0016: ret  #0x50061  ; ERRNO(97)
0017: ret  #0x7fff0000  ; ALLOW
0018: jge  #0x36        jt 0025 jf 0019
0019: ld   [20]  ; args[0] (high)
0020: jeq  #0x0         jt 0021 jf 0024
0021: ld   [16]  ; args[0] (low)
0022: jeq  #0x1         jt 0023 jf 0024
0023: ret  #0x7fff0000  ; ALLOW
0024: ret  #0x50061  ; ERRNO(97)
0025: jge  #0x38        jt 0027 jf 0026
0026: ret  #0x7fff0000  ; ALLOW
0027: ld   [16]  ; args[0] (low)
0028: and  #0x7e020000
0029: jeq  #0x0         jt 0030 jf 0031
0030: ret  #0x7fff0000  ; ALLOW
0031: ret  #0x50001  ; ERRNO(1)
0032: jge  #0x65        jt 0034 jf 0033
0033: ret  #0x7fff0000  ; ALLOW
0034: jge  #0x68        jt 0040 jf 0035
0035: jge  #0x66        jt 0037 jf 0036
0036: ret  #0x50001  ; ERRNO(1)
0037: jge  #0x67        jt 0039 jf 0038
0038: ret  #0x7fff0000  ; ALLOW
0039: ret  #0x50001  ; ERRNO(1)
0040: ret  #0x7fff0000  ; ALLOW
0041: jge  #0xba        jt 0059 jf 0042
0042: jge  #0xa3        jt 0058 jf 0043
0043: jge  #0x99        jt 0051 jf 0044
0044: jge  #0x8c        jt 0050 jf 0045
0045: jge  #0x89        jt 0047 jf 0046
0046: ret  #0x50001  ; ERRNO(1)
0047: jge  #0x8b        jt 0049 jf 0048
0048: ret  #0x7fff0000  ; ALLOW
0049: ret  #0x50001  ; ERRNO(1)
0050: ret  #0x7fff0000  ; ALLOW
0051: jge  #0x9d        jt 0053 jf 0052
0052: ret  #0x50001  ; ERRNO(1)
0053: jge  #0xa1        jt 0055 jf 0054
0054: ret  #0x7fff0000  ; ALLOW
0055: jge  #0xa2        jt 0057 jf 0056
0056: ret  #0x50001  ; ERRNO(1)
0057: ret  #0x7fff0000  ; ALLOW
0058: ret  #0x50001  ; ERRNO(1)
0059: jge  #0xd4        jt 0061 jf 0060
0060: ret  #0x7fff0000  ; ALLOW
0061: jge  #0xec        jt 0069 jf 0062
0062: jge  #0xe3        jt 0066 jf 0063
0063: jge  #0xd5        jt 0065 jf 0064
0064: ret  #0x50001  ; ERRNO(1)
0065: ret  #0x7fff0000  ; ALLOW
0066: jge  #0xe4        jt 0068 jf 0067
0067: ret  #0x50001  ; ERRNO(1)
0068: ret  #0x7fff0000  ; ALLOW
0069: jge  #0xf6        jt 0073 jf 0070
0070: jge  #0xf0        jt 0072 jf 0071
0071: ret  #0x50001  ; ERRNO(1)
0072: ret  #0x7fff0000  ; ALLOW
0073: jge  #0xfb        jt 0079 jf 0074
0074: jge  #0xf8        jt 0078 jf 0075
0075: jge  #0xf7        jt 0077 jf 0076
0076: ret  #0x50001  ; ERRNO(1)
0077: ret  #0x7fff0000  ; ALLOW
0078: ret  #0x50001  ; ERRNO(1)
0079: jge  #0x100       jt 0081 jf 0080
0080: ret  #0x7fff0000  ; ALLOW
0081: ret  #0x50001  ; ERRNO(1)
0082: jge  #0x1a8       jt 0124 jf 0083
0083: jge  #0x150       jt 0123 jf 0084
0084: jge  #0x12a       jt 0094 jf 0085
0085: jge  #0x118       jt 0093 jf 0086
0086: jge  #0x110       jt 0088 jf 0087
0087: ret  #0x7fff0000  ; ALLOW
0088: jge  #0x111       jt 0090 jf 0089
0089: ret  #0x50001  ; ERRNO(1)
0090: jge  #0x117       jt 0092 jf 0091
0091: ret  #0x7fff0000  ; ALLOW
0092: ret  #0x50001  ; ERRNO(1)
0093: ret  #0x7fff0000  ; ALLOW
0094: jge  #0x13a       jt 0112 jf 0095
0095: jge  #0x131       jt 0105 jf 0096
0096: jge  #0x12d       jt 0102 jf 0097
0097: jge  #0x12b       jt 0099 jf 0098
0098: ret  #0x50001  ; ERRNO(1)
0099: jge  #0x12c       jt 0101 jf 0100
0100: ret  #0x7fff0000  ; ALLOW
0101: ret  #0x50001  ; ERRNO(1)
0102: jge  #0x130       jt 0104 jf 0103
0103: ret  #0x7fff0000  ; ALLOW
0104: ret  #0x50001  ; ERRNO(1)
0105: jge  #0x136       jt 0111 jf 0106
0106: jge  #0x134       jt 0108 jf 0107
0107: ret  #0x7fff0000  ; ALLOW
0108: jge  #0x135       jt 0110 jf 0109
0109: ret  #0x50001  ; ERRNO(1)
0110: ret  #0x7fff0000  ; ALLOW
0111: ret  #0x50001  ; ERRNO(1)
0112: jge  #0x144       jt 0120 jf 0113
0113: jge  #0x140       jt 0115 jf 0114
0114: ret  #0x7fff0000  ; ALLOW
0115: jge  #0x142       jt 0117 jf 0116
0116: ret  #0x50001  ; ERRNO(1)
0117: jge  #0x143       jt 0119 jf 0118
0118: ret  #0x7fff0000  ; ALLOW
0119: ret  #0x50001  ; ERRNO(1)
0120: jge  #0x14f       jt 0122 jf 0121
0121: ret  #0x7fff0000  ; ALLOW
0122: ret  #0x50001  ; ERRNO(1)
0123: ret  #0x50026  ; ERRNO(38)
0124: jge  #0x1d3       jt 0154 jf 0125
0125: jge  #0x1bc       jt 0145 jf 0126
0126: jge  #0x1b2       jt 0130 jf 0127
0127: jge  #0x1a9       jt 0129 jf 0128
0128: ret  #0x7fff0000  ; ALLOW
0129: ret  #0x50001  ; ERRNO(1)
0130: jge  #0x1b6       jt 0136 jf 0131
0131: jge  #0x1b4       jt 0135 jf 0132
0132: jge  #0x1b3       jt 0134 jf 0133
0133: ret  #0x7fff0000  ; ALLOW
0134: ret  #0x50001  ; ERRNO(1)
0135: ret  #0x7fff0000  ; ALLOW
0136: jge  #0x1b8       jt 0140 jf 0137
0137: jge  #0x1b7       jt 0139 jf 0138
0138: ret  #0x50001  ; ERRNO(1)
0139: ret  #0x7fff0000  ; ALLOW
0140: jge  #0x1ba       jt 0144 jf 0141
0141: jge  #0x1b9       jt 0143 jf 0142
0142: ret  #0x50001  ; ERRNO(1)
0143: ret  #0x7fff0000  ; ALLOW
0144: ret  #0x50001  ; ERRNO(1)
0145: jge  #0x1cb       jt 0151 jf 0146
0146: jge  #0x1c3       jt 0150 jf 0147
0147: jge  #0x1c2       jt 0149 jf 0148
0148: ret  #0x7fff0000  ; ALLOW
0149: ret  #0x50001  ; ERRNO(1)
0150: ret  #0x7fff0000  ; ALLOW
0151: jge  #0x1ce       jt 0153 jf 0152
0152: ret  #0x50001  ; ERRNO(1)
0153: ret  #0x7fff0000  ; ALLOW
0154: jge  #0x40000000  jt 0156 jf 0155
0155: ret  #0x50026  ; ERRNO(38)
0156: jge  #0xffffffff  jt 0158 jf 0157
0157: ret  #0x80000000  ; KILL_PROCESS
0158: ret  #0x50026  ; ERRNO(38)
