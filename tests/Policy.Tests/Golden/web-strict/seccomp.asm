0000: ld   [4]  ; arch
0001: jeq  #0xc000003e  jt 0003 jf 0002
0002: ret  #0x80000000  ; KILL_PROCESS
0003: ld   [0]  ; nr
0004: jge  #0x118       jt 0091 jf 0005
0005: jge  #0xa3        jt 0058 jf 0006
0006: jge  #0x68        jt 0041 jf 0007
0007: jge  #0x39        jt 0034 jf 0008
0008: jge  #0x2a        jt 0027 jf 0009
0009: jge  #0x29        jt 0011 jf 0010
0010: ret  #0x7fff0000  ; ALLOW
0011: ld   [20]  ; args[0] (high)
0012: jeq  #0x0         jt 0013 jf 0016
0013: ld   [16]  ; args[0] (low)
0014: jeq  #0x1         jt 0015 jf 0016
0015: ret  #0x7fff0000  ; ALLOW
0016: ld   [20]  ; args[0] (high)
0017: jeq  #0x0         jt 0018 jf 0021
0018: ld   [16]  ; args[0] (low)
0019: jeq  #0x2         jt 0020 jf 0021
0020: ret  #0x7fff0000  ; ALLOW
0021: ld   [20]  ; args[0] (high)
0022: jeq  #0x0         jt 0023 jf 0026
0023: ld   [16]  ; args[0] (low)
0024: jeq  #0xa         jt 0025 jf 0026
0025: ret  #0x7fff0000  ; ALLOW
0026: ret  #0x50001  ; ERRNO(1)
0027: jge  #0x38        jt 0029 jf 0028
0028: ret  #0x7fff0000  ; ALLOW
0029: ld   [16]  ; args[0] (low)
0030: and  #0x7e020000
0031: jeq  #0x0         jt 0032 jf 0033
0032: ret  #0x7fff0000  ; ALLOW
0033: ret  #0x50001  ; ERRNO(1)
0034: jge  #0x66        jt 0038 jf 0035
0035: jge  #0x65        jt 0037 jf 0036
0036: ret  #0x7fff0000  ; ALLOW
0037: ret  #0x50001  ; ERRNO(1)
0038: jge  #0x67        jt 0040 jf 0039
0039: ret  #0x7fff0000  ; ALLOW
0040: ret  #0x50001  ; ERRNO(1)
0041: jge  #0x8c        jt 0049 jf 0042
0042: jge  #0x89        jt 0046 jf 0043
0043: jge  #0x86        jt 0045 jf 0044
0044: ret  #0x7fff0000  ; ALLOW
0045: ret  #0x50001  ; ERRNO(1)
0046: jge  #0x8b        jt 0048 jf 0047
0047: ret  #0x7fff0000  ; ALLOW
0048: ret  #0x50001  ; ERRNO(1)
0049: jge  #0x9d        jt 0053 jf 0050
0050: jge  #0x99        jt 0052 jf 0051
0051: ret  #0x7fff0000  ; ALLOW
0052: ret  #0x50001  ; ERRNO(1)
0053: jge  #0xa1        jt 0055 jf 0054
0054: ret  #0x7fff0000  ; ALLOW
0055: jge  #0xa2        jt 0057 jf 0056
0056: ret  #0x50001  ; ERRNO(1)
0057: ret  #0x7fff0000  ; ALLOW
0058: jge  #0xf6        jt 0074 jf 0059
0059: jge  #0xe3        jt 0067 jf 0060
0060: jge  #0xd4        jt 0064 jf 0061
0061: jge  #0xba        jt 0063 jf 0062
0062: ret  #0x50001  ; ERRNO(1)
0063: ret  #0x7fff0000  ; ALLOW
0064: jge  #0xd5        jt 0066 jf 0065
0065: ret  #0x50001  ; ERRNO(1)
0066: ret  #0x7fff0000  ; ALLOW
0067: jge  #0xec        jt 0071 jf 0068
0068: jge  #0xe4        jt 0070 jf 0069
0069: ret  #0x50001  ; ERRNO(1)
0070: ret  #0x7fff0000  ; ALLOW
0071: jge  #0xf0        jt 0073 jf 0072
0072: ret  #0x50001  ; ERRNO(1)
0073: ret  #0x7fff0000  ; ALLOW
0074: jge  #0x100       jt 0082 jf 0075
0075: jge  #0xf8        jt 0079 jf 0076
0076: jge  #0xf7        jt 0078 jf 0077
0077: ret  #0x50001  ; ERRNO(1)
0078: ret  #0x7fff0000  ; ALLOW
0079: jge  #0xfb        jt 0081 jf 0080
0080: ret  #0x50001  ; ERRNO(1)
0081: ret  #0x7fff0000  ; ALLOW
0082: jge  #0x110       jt 0086 jf 0083
0083: jge  #0x101       jt 0085 jf 0084
0084: ret  #0x50001  ; ERRNO(1)
0085: ret  #0x7fff0000  ; ALLOW
0086: jge  #0x111       jt 0088 jf 0087
0087: ret  #0x50001  ; ERRNO(1)
0088: jge  #0x117       jt 0090 jf 0089
0089: ret  #0x7fff0000  ; ALLOW
0090: ret  #0x50001  ; ERRNO(1)
0091: jge  #0x1a8       jt 0125 jf 0092
0092: jge  #0x135       jt 0108 jf 0093
0093: jge  #0x12d       jt 0101 jf 0094
0094: jge  #0x12b       jt 0098 jf 0095
0095: jge  #0x12a       jt 0097 jf 0096
0096: ret  #0x7fff0000  ; ALLOW
0097: ret  #0x50001  ; ERRNO(1)
0098: jge  #0x12c       jt 0100 jf 0099
0099: ret  #0x7fff0000  ; ALLOW
0100: ret  #0x50001  ; ERRNO(1)
0101: jge  #0x131       jt 0105 jf 0102
0102: jge  #0x130       jt 0104 jf 0103
0103: ret  #0x7fff0000  ; ALLOW
0104: ret  #0x50001  ; ERRNO(1)
0105: jge  #0x134       jt 0107 jf 0106
0106: ret  #0x7fff0000  ; ALLOW
0107: ret  #0x50001  ; ERRNO(1)
0108: jge  #0x142       jt 0116 jf 0109
0109: jge  #0x13a       jt 0113 jf 0110
0110: jge  #0x136       jt 0112 jf 0111
0111: ret  #0x7fff0000  ; ALLOW
0112: ret  #0x50001  ; ERRNO(1)
0113: jge  #0x140       jt 0115 jf 0114
0114: ret  #0x7fff0000  ; ALLOW
0115: ret  #0x50001  ; ERRNO(1)
0116: jge  #0x144       jt 0120 jf 0117
0117: jge  #0x143       jt 0119 jf 0118
0118: ret  #0x7fff0000  ; ALLOW
0119: ret  #0x50001  ; ERRNO(1)
0120: jge  #0x14f       jt 0122 jf 0121
0121: ret  #0x7fff0000  ; ALLOW
0122: jge  #0x150       jt 0124 jf 0123
0123: ret  #0x50001  ; ERRNO(1)
0124: ret  #0x50026  ; ERRNO(38)
0125: jge  #0x1b9       jt 0141 jf 0126
0126: jge  #0x1b4       jt 0134 jf 0127
0127: jge  #0x1b2       jt 0131 jf 0128
0128: jge  #0x1a9       jt 0130 jf 0129
0129: ret  #0x7fff0000  ; ALLOW
0130: ret  #0x50001  ; ERRNO(1)
0131: jge  #0x1b3       jt 0133 jf 0132
0132: ret  #0x7fff0000  ; ALLOW
0133: ret  #0x50001  ; ERRNO(1)
0134: jge  #0x1b7       jt 0138 jf 0135
0135: jge  #0x1b6       jt 0137 jf 0136
0136: ret  #0x7fff0000  ; ALLOW
0137: ret  #0x50001  ; ERRNO(1)
0138: jge  #0x1b8       jt 0140 jf 0139
0139: ret  #0x7fff0000  ; ALLOW
0140: ret  #0x50001  ; ERRNO(1)
0141: jge  #0x1c3       jt 0149 jf 0142
0142: jge  #0x1bc       jt 0146 jf 0143
0143: jge  #0x1ba       jt 0145 jf 0144
0144: ret  #0x7fff0000  ; ALLOW
0145: ret  #0x50001  ; ERRNO(1)
0146: jge  #0x1c2       jt 0148 jf 0147
0147: ret  #0x7fff0000  ; ALLOW
0148: ret  #0x50001  ; ERRNO(1)
0149: jge  #0x1ce       jt 0153 jf 0150
0150: jge  #0x1c9       jt 0152 jf 0151
0151: ret  #0x7fff0000  ; ALLOW
0152: ret  #0x50001  ; ERRNO(1)
0153: jge  #0x1d3       jt 0155 jf 0154
0154: ret  #0x7fff0000  ; ALLOW
0155: jge  #0x40000000  jt 0157 jf 0156
0156: ret  #0x50026  ; ERRNO(38)
0157: ret  #0x80000000  ; KILL_PROCESS
