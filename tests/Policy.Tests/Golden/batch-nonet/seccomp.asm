0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0003 jf 0002
0002: ret  #0x80000000  ; KILL_PROCESS
0003: ld   [0]  ; nr
0004: jge  #0x117       jt 0088 jf 0005
0005: jge  #0xa1        jt 0053 jf 0006
0006: jge  #0x66        jt 0036 jf 0007
0007: jge  #0x36        jt 0025 jf 0008
0008: jge  #0x2a        jt 0017 jf 0009
0009: jge  #0x29        jt 0011 jf 0010
0010: ret  #0x7fff0000  ; ALLOW
0011: ld   [20]  ; args[0] (high)
0012: jeq  #0x0         jt 0013 jf 0016
0013: ld   [16]  ; args[0] (low)
0014: jeq  #0x1         jt 0015 jf 0016
0015: ret  #0x7fff0000  ; ALLOW
0016: ret  #0x50061  ; ERRNO(97)
0017: jge  #0x35        jt 0019 jf 0018
0018: ret  #0x7fff0000  ; ALLOW
0019: ld   [20]  ; args[0] (high)
0020: jeq  #0x0         jt 0021 jf 0024
0021: ld   [16]  ; args[0] (low)
0022: jeq  #0x1         jt 0023 jf 0024
0023: ret  #0x7fff0000  ; ALLOW
0024: ret  #0x50061  ; ERRNO(97)
0025: jge  #0x39        jt 0033 jf 0026
0026: jge  #0x38        jt 0028 jf 0027
0027: ret  #0x7fff0000  ; ALLOW
0028: ld   [16]  ; args[0] (low)
0029: and  #0x7e020000
0030: jeq  #0x0         jt 0031 jf 0032
0031: ret  #0x7fff0000  ; ALLOW
0032: ret  #0x50001  ; ERRNO(1)
0033: jge  #0x65        jt 0035 jf 0034
0034: ret  #0x7fff0000  ; ALLOW
0035: ret  #0x50001  ; ERRNO(1)
0036: jge  #0x89        jt 0044 jf 0037
0037: jge  #0x68        jt 0041 jf 0038
0038: jge  #0x67        jt 0040 jf 0039
0039: ret  #0x7fff0000  ; ALLOW
0040: ret  #0x50001  ; ERRNO(1)
0041: jge  #0x86        jt 0043 jf 0042
0042: ret  #0x7fff0000  ; ALLOW
0043: ret  #0x50001  ; ERRNO(1)
0044: jge  #0x8c        jt 0048 jf 0045
0045: jge  #0x8b        jt 0047 jf 0046
0046: ret  #0x7fff0000  ; ALLOW
0047: ret  #0x50001  ; ERRNO(1)
0048: jge  #0x99        jt 0050 jf 0049
0049: ret  #0x7fff0000  ; ALLOW
0050: jge  #0x9d        jt 0052 jf 0051
0051: ret  #0x50001  ; ERRNO(1)
0052: ret  #0x7fff0000  ; ALLOW
0053: jge  #0xf0        jt 0071 jf 0054
0054: jge  #0xd4        jt 0062 jf 0055
0055: jge  #0xa3        jt 0059 jf 0056
0056: jge  #0xa2        jt 0058 jf 0057
0057: ret  #0x50001  ; ERRNO(1)
0058: ret  #0x7fff0000  ; ALLOW
0059: jge  #0xba        jt 0061 jf 0060
0060: ret  #0x50001  ; ERRNO(1)
0061: ret  #0x7fff0000  ; ALLOW
0062: jge  #0xe3        jt 0066 jf 0063
0063: jge  #0xd5        jt 0065 jf 0064
0064: ret  #0x50001  ; ERRNO(1)
0065: ret  #0x7fff0000  ; ALLOW
0066: jge  #0xe4        jt 0068 jf 0067
0067: ret  #0x50001  ; ERRNO(1)
0068: jge  #0xec        jt 0070 jf 0069
0069: ret  #0x7fff0000  ; ALLOW
0070: ret  #0x50001  ; ERRNO(1)
0071: jge  #0xfb        jt 0079 jf 0072
0072: jge  #0xf7        jt 0076 jf 0073
0073: jge  #0xf6        jt 0075 jf 0074
0074: ret  #0x7fff0000  ; ALLOW
0075: ret  #0x50001  ; ERRNO(1)
0076: jge  #0xf8        jt 0078 jf 0077
0077: ret  #0x7fff0000  ; ALLOW
0078: ret  #0x50001  ; ERRNO(1)
0079: jge  #0x101       jt 0083 jf 0080
0080: jge  #0x100       jt 0082 jf 0081
0081: ret  #0x7fff0000  ; ALLOW
0082: ret  #0x50001  ; ERRNO(1)
0083: jge  #0x110       jt 0085 jf 0084
0084: ret  #0x7fff0000  ; ALLOW
0085: jge  #0x111       jt 0087 jf 0086
0086: ret  #0x50001  ; ERRNO(1)
0087: ret  #0x7fff0000  ; ALLOW
0088: jge  #0x150       jt 0122 jf 0089
0089: jge  #0x134       jt 0105 jf 0090
0090: jge  #0x12c       jt 0098 jf 0091
0091: jge  #0x12a       jt 0095 jf 0092
0092: jge  #0x118       jt 0094 jf 0093
0093: ret  #0x50001  ; ERRNO(1)
0094: ret  #0x7fff0000  ; ALLOW
0095: jge  #0x12b       jt 0097 jf 0096
0096: ret  #0x50001  ; ERRNO(1)
0097: ret  #0x7fff0000  ; ALLOW
0098: jge  #0x130       jt 0102 jf 0099
0099: jge  #0x12d       jt 0101 jf 0100
0100: ret  #0x50001  ; ERRNO(1)
0101: ret  #0x7fff0000  ; ALLOW
0102: jge  #0x131       jt 0104 jf 0103
0103: ret  #0x50001  ; ERRNO(1)
0104: ret  #0x7fff0000  ; ALLOW
0105: jge  #0x140       jt 0113 jf 0106
0106: jge  #0x136       jt 0110 jf 0107
0107: jge  #0x135       jt 0109 jf 0108
0108: ret  #0x50001  ; ERRNO(1)
0109: ret  #0x7fff0000  ; ALLOW
0110: jge  #0x13a       jt 0112 jf 0111
0111: ret  #0x50001  ; ERRNO(1)
0112: ret  #0x7fff0000  ; ALLOW
0113: jge  #0x143       jt 0117 jf 0114
0114: jge  #0x142       jt 0116 jf 0115
0115: ret  #0x50001  ; ERRNO(1)
0116: ret  #0x7fff0000  ; ALLOW
0117: jge  #0x144       jt 0119 jf 0118
0118: ret  #0x50001  ; ERRNO(1)
0119: jge  #0x14f       jt 0121 jf 0120
0120: ret  #0x7fff0000  ; ALLOW
0121: ret  #0x50001  ; ERRNO(1)
0122: jge  #0x1b9       jt 0140 jf 0123
0123: jge  #0x1b3       jt 0131 jf 0124
0124: jge  #0x1a9       jt 0128 jf 0125
0125: jge  #0x1a8       jt 0127 jf 0126
0126: ret  #0x50026  ; ERRNO(38)
0127: ret  #0x7fff0000  ; ALLOW
0128: jge  #0x1b2       jt 0130 jf 0129
0129: ret  #0x50001  ; ERRNO(1)
0130: ret  #0x7fff0000  ; ALLOW
0131: jge  #0x1b6       jt 0135 jf 0132
0132: jge  #0x1b4       jt 0134 jf 0133
0133: ret  #0x50001  ; ERRNO(1)
0134: ret  #0x7fff0000  ; ALLOW
0135: jge  #0x1b7       jt 0137 jf 0136
0136: ret  #0x50001  ; ERRNO(1)
0137: jge  #0x1b8       jt 0139 jf 0138
0138: ret  #0x7fff0000  ; ALLOW
0139: ret  #0x50001  ; ERRNO(1)
0140: jge  #0x1c3       jt 0148 jf 0141
0141: jge  #0x1bc       jt 0145 jf 0142
0142: jge  #0x1ba       jt 0144 jf 0143
0143: ret  #0x7fff0000  ; ALLOW
0144: ret  #0x50001  ; ERRNO(1)
0145: jge  #0x1c2       jt 0147 jf 0146
0146: ret  #0x7fff0000  ; ALLOW
0147: ret  #0x50001  ; ERRNO(1)
0148: jge  #0x1ce       jt 0152 jf 0149
0149: jge  #0x1c9       jt 0151 jf 0150
0150: ret  #0x7fff0000  ; ALLOW
0151: ret  #0x50001  ; ERRNO(1)
0152: jge  #0x1d3       jt 0154 jf 0153
0153: ret  #0x7fff0000  ; ALLOW
0154: jge  #0x40000000  jt 0156 jf 0155
0155: ret  #0x50026  ; ERRNO(38)
0156: ret  #0x80000000  ; KILL_PROCESS
