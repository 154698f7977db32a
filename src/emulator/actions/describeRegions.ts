// DescribeRegions: the regions this emulator serves, each with a fleet of its own.
import { oneOf, type Action } from './params.js';

const NAMES: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  'cn-hangzhou': { 'zh-CN': '华东1（杭州）', 'en-US': 'China (Hangzhou)' },
  'cn-shanghai': { 'zh-CN': '华东2（上海）', 'en-US': 'China (Shanghai)' },
  'cn-beijing': { 'zh-CN': '华北2（北京）', 'en-US': 'China (Beijing)' },
  'cn-shenzhen': { 'zh-CN': '华南1（深圳）', 'en-US': 'China (Shenzhen)' },
  'ap-southeast-1': { 'zh-CN': '新加坡', 'en-US': 'Singapore' },
};

export const describeRegions: Action = (params, ctx) => {
  const language = oneOf(params, 'AcceptLanguage', ['zh-CN', 'en-US', 'ja'] as const) ?? 'zh-CN';
  const key = language === 'zh-CN' ? 'zh-CN' : 'en-US';
  return {
    RequestId: ctx.requestId,
    Regions: {
      Region: ctx.regions.map((regionId) => ({
        RegionId: regionId,
        RegionEndpoint: `ecs.${regionId}.aliyuncs.com`,
        LocalName: NAMES[regionId]?.[key] ?? regionId,
        Status: 'available',
      })),
    },
  };
};
