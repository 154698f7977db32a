// What ECS knows about each simulated instance beyond Cloud Assistant: host name, addresses, zone,
// type, image, tags, agent version. Derived from the instance's id and position with a hash, never
// from the simulation's PRNG, so adding these answers changes no invocation of a seeded fleet.
import type { SimInstance } from './model.js';
import { Prng, hash32 } from './prng.js';

export interface InstanceInventory {
  hostName: string;
  /** In 10.0.0.0/8, unique in the fleet. */
  privateIp: string;
  /** An elastic IP for about one instance in five, else ''. */
  eip: string;
  eipAllocationId: string;
  zoneId: string;
  instanceType: string;
  cpu: number;
  memoryMiB: number;
  imageId: string;
  osName: string;
  vpcId: string;
  vSwitchId: string;
  securityGroupId: string;
  serialNumber: string;
  tags: { TagKey: string; TagValue: string }[];
  agentVersion: string;
  /** ECS creation: weeks or months before the simulation began (its history is days long). */
  createdAt: number;
}

const TYPES: readonly (readonly [string, number, number])[] = [
  ['ecs.g7.large', 2, 8_192],
  ['ecs.g7.xlarge', 4, 16_384],
  ['ecs.c7.large', 2, 4_096],
  ['ecs.r7.xlarge', 4, 32_768],
];
const LINUX_IMAGES = [
  ['aliyun_3_x64_20G_alibase_20251015.vhd', 'Alibaba Cloud Linux  3.2104 LTS 64位'],
  ['ubuntu_22_04_x64_20G_alibase_20251030.vhd', 'Ubuntu  22.04 64位'],
  ['centos_7_9_x64_20G_alibase_20240628.vhd', 'CentOS  7.9 64位'],
] as const;
const WINDOWS_IMAGES = [['win2022_21H2_x64_dtc_zh-cn_40G_alibase_20251015.vhd', 'Windows Server  2022 数据中心版 64位中文版']] as const;

function octets(n: number): string {
  return `${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** 200 hosts per /24 from .10, so no address ends in .0 or .255 and none repeats within 13 million. */
function privateIp(index: number): string {
  const subnet = Math.floor(index / 200);
  return `10.${16 + ((subnet >>> 8) & 0x7f)}.${subnet & 255}.${(index % 200) + 10}`;
}

function zoneLetter(regionId: string, r: Prng): string {
  return `${regionId}-${'bghijk'[r.int(0, 5)]}`;
}

export function inventory(inst: SimInstance, regionId: string, seed: number): InstanceInventory {
  const r = new Prng(hash32(inst.instanceId, seed ^ 0x1a7e_5701));
  const tail = inst.instanceId.slice(2);
  const [instanceType, cpu, memoryMiB] = TYPES[r.int(0, TYPES.length - 1)];
  const image = inst.os === 'windows' ? WINDOWS_IMAGES[0] : LINUX_IMAGES[inst.index % LINUX_IMAGES.length];
  const role = inst.instanceName.replace(/-\d+$/, '');
  const hasEip = inst.index % 5 === 2;
  const hex = (n: number) => r.chars(n, '0123456789abcdef');
  return {
    hostName: inst.os === 'windows' ? inst.instanceName.toUpperCase() : `iZ${tail}Z`,
    privateIp: privateIp(inst.index),
    eip: hasEip ? `47.${octets(0x60_0000 + ((inst.index * 7919) & 0xf_ffff))}` : '',
    eipAllocationId: hasEip ? `eip-${r.chars(20)}` : '',
    zoneId: zoneLetter(regionId, r),
    instanceType,
    cpu,
    memoryMiB,
    imageId: image[0],
    osName: image[1],
    vpcId: `vpc-${hash32(regionId, seed).toString(36).padStart(7, '0')}fleet`,
    vSwitchId: `vsw-${hash32(`${regionId}/${Math.floor(inst.index / 200)}`, seed).toString(36).padStart(7, '0')}net`,
    securityGroupId: `sg-${hash32(`${regionId}/${role}`, seed).toString(36).padStart(7, '0')}${role.replace(/[^a-z]/g, '')}`,
    serialNumber: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    tags: [
      { TagKey: 'app', TagValue: role },
      { TagKey: 'env', TagValue: inst.index % 10 === 9 ? 'staging' : 'prod' },
    ],
    createdAt: inst.createdAt - r.int(30, 400) * 86_400_000 - r.int(0, 86_399) * 1_000,
    agentVersion: inst.os === 'windows' ? '2.1.3.857' : `2.2.3.${['857', '857', '857', '317'][inst.index % 4]}`,
  };
}
