/// Chart titles and captions of the run report, in English and Chinese.
extension ReportStrings {
    var titleStages: String { pick("Stage timeline: subsystem indices and coupling coordination", "阶段时间线：子系统指数与耦合协调度") }
    var capStages: String {
        pick("Lines: the digital-commerce index U1, the cluster-economy index U2 and their coupling coordination D, per quarter. The two strips above the plot show the stage each classifier assigns in each quarter (mechanism-based stage; stage.ccd read from U1, U2 and D); the grey bands behind are the ten coordination grades of D.",
             "折线为每季度的数字商务指数 U1、集群经济指数 U2 及二者的耦合协调度 D。图上方两条色带为两种分类在各季度给出的阶段（机制阶段；由 U1、U2 与 D 判定的协调阶段）；背景灰带为 D 的十个协调等级。")
    }
    var titleAdoption: String { pick("Adoption curves by channel", "各渠道采用曲线") }
    var capAdoption: String {
        pick("Share of live firms using each digital channel per quarter (ecosystem: share embedded in a platform ecosystem). S-shaped curves mean diffusion by imitation.",
             "每季度使用各数字渠道的存活企业占比（生态系统：嵌入平台生态系统的企业占比）。S 形曲线表示以模仿为主的扩散。")
    }
    var titleVillages: String { pick("E-commerce villages", "电商村数量") }
    func capVillages(startYear: Double, scale: Double) -> String {
        pick("Model e-commerce villages (AliResearch's rule scaled to the model: online shops in at least 10% of the village's households or as many as 10% of an average village's, and online revenue above one bar for every village), multiplied by the village scale \(NumberFormat.significant(scale)), with quarter 0 placed at \(NumberFormat.significant(startYear, digits: 6)); dots: real Taobao village counts by year (AliResearch, 2009–2019).",
             "模型电商村（按阿里研究院标准缩放：开网店的农户至少占本村的 10%，或达到平均村庄农户数的 10%，且线上收入超过各村统一的门槛）乘以村庄比例 \(NumberFormat.significant(scale))，第 0 季度对应 \(NumberFormat.significant(startYear, digits: 6)) 年；圆点为各年实际淘宝村数（阿里研究院，2009–2019）。")
    }
    var capVillagesNoMapping: String {
        pick("Model e-commerce villages per quarter (AliResearch's rule scaled to the model: online shops in at least 10% of the village's households or as many as 10% of an average village's, and online revenue above one bar for every village). summary.json has no calendar_start_year and village_scale, so the real Taobao village counts (AliResearch) are not placed beside it.",
             "每季度的模型电商村数（按阿里研究院标准缩放：开网店的农户至少占本村的 10%，或达到平均村庄农户数的 10%，且线上收入超过各村统一的门槛）。summary.json 中没有 calendar_start_year 与 village_scale，因此未并列实际淘宝村数（阿里研究院）。")
    }
    var titleCost: String { pick("Average cost and its components", "平均成本及其构成") }
    var capCost: String {
        pick("Stacked areas: the components of output-weighted average cost per unit of output; the dark line is the reported average cost, which the components add up to.",
             "堆叠面积为按产出加权的单位产出平均成本的各构成部分；深色线为报告的平均成本，各部分之和应等于它。")
    }
    var titleSource: String { pick("Fall within firms, by source", "企业内部成本下降：按来源") }
    var capSource: String {
        pick("The within-firm part of the fall in average cost since quarter 0, split by source; positive parts stack above zero, negative parts (costs that rose) below. The dark line is the within-firm fall itself.",
             "自第 0 季度以来平均成本下降中企业内部部分按来源的分解；正值向上堆叠，负值（上升的成本）向下堆叠。深色线为企业内部下降总量。")
    }
    var titleLevel: String { pick("Fall in average cost, by level", "平均成本下降：按层次") }
    var capLevel: String {
        pick("The whole fall in average cost since quarter 0 split by level: external economies of the cluster, the network, the ecosystem and the whole economy, firms' own learning, selection (reallocation, entry, exit) and other causes. The dark line is the total fall.",
             "自第 0 季度以来平均成本的全部下降按层次分解：集群、网络、生态系统与整体经济的外部经济，企业自身学习，选择（再配置、进入、退出）及其他原因。深色线为下降总量。")
    }
    var titleFall: String { pick("Fall in average cost: within, reallocation, entry, exit", "平均成本下降：企业内部、再配置、进入、退出") }
    var capFall: String {
        pick("Melitz–Polanec decomposition of the fall in average cost since quarter 0, chained quarter to quarter: change within surviving firms, reallocation of output among them, entry and exit. The dark line is the total fall.",
             "自第 0 季度以来平均成本下降的 Melitz–Polanec 分解（逐季链接）：存活企业内部变化、存活企业间产出再配置、进入与退出。深色线为下降总量。")
    }
    var titleElasticity: String { pick("Elasticity of average variable cost to reachable output, by stage", "平均可变成本对可达产出的弹性：分阶段") }
    var capElasticity: String {
        pick("Bars: β_s from ln AVC on ln(output of the firms that lower a firm's costs), interacted by stage, with firm and industry-by-quarter effects; whiskers: 95% wild cluster bootstrap intervals. Negative values mean external economies; the second bar uses cluster output alone, as in the literature.",
             "柱为 β_s：ln 平均可变成本对 ln（降低该企业成本的企业产出）的分阶段回归系数，含企业与行业×季度固定效应；须线为 95% 野聚类自助法区间。负值表示存在外部经济；第二根柱仅用集群产出，与文献一致。")
    }
    var titleLogistics: String { pick("Logistics cost against online volume", "物流成本与线上交易量") }
    func capLogistics(slope: Double?) -> String {
        let s = slope.map { NumberFormat.significant($0, digits: 3) } ?? missing
        return pick("Each dot is one quarter, on log–log axes; the line is the least-squares fit of ln cost on ln volume, slope \(s). The real series (express revenue per parcel against parcel volume, China 2012–2019) has a slope of about −0.18.",
                    "每个点为一个季度（双对数坐标）；直线为 ln 成本对 ln 交易量的最小二乘拟合，斜率 \(s)。实际数据（中国快递单件收入对快递量，2012–2019）斜率约为 −0.18。")
    }
    var titleCreditRates: String { pick("Loan rates", "贷款利率") }
    var capCreditRates: String {
        pick("Mean loan rate of the smaller half of firms and of all firms, per quarter. Data-based credit should bring the small firms' rate down towards the mean.",
             "每季度规模较小一半企业与全部企业的平均贷款利率。基于数据的信贷应使小企业利率向平均水平靠拢。")
    }
    var titleCreditConstrained: String { pick("Credit-constrained firms", "受信贷约束的企业") }
    var capCreditConstrained: String {
        pick("Share of firms whose credit limit binds, per quarter.", "每季度信贷额度构成约束的企业占比。")
    }
    var titleNetworkShares: String { pick("Collaboration network", "协作网络") }
    var capNetworkShares: String {
        pick("Density of the collaboration network, share of firms in its giant component, shares of links that cross clusters and regions, and the share of firms embedded in an ecosystem, per quarter.",
             "每季度协作网络密度、最大连通分量中的企业占比、跨集群与跨区域联系占比，以及嵌入生态系统的企业占比。")
    }
    var titleNetworkCounts: String { pick("Ecosystems and cluster structure", "生态系统与集群结构") }
    var capNetworkCounts: String {
        pick("Number of platform ecosystems, super-clusters (clusters joined across regions) and virtual clusters (online-only groupings), per quarter.",
             "每季度平台生态系统、超级集群（跨区域相连的集群）与虚拟集群（纯线上集聚）的数量。")
    }
    var titleSizes: String { pick("Firm sizes: complementary cumulative distribution", "企业规模：互补累积分布") }
    func capSizes(n: Int, hill: Double?) -> String {
        let h = hill.map { NumberFormat.significant($0, digits: 3) } ?? missing
        return pick("For each online revenue x in the final quarter, the share of the \(n) firms with positive online revenue whose revenue is at least x, on log–log axes. A straight tail means a power law; the Hill index of the top 5% is \(h).",
                    "末期每个线上收入水平 x 对应的线上收入不低于 x 的企业占比（共 \(n) 家线上收入为正的企业，双对数坐标）。尾部呈直线表示幂律；前 5% 的 Hill 指数为 \(h)。")
    }
    var sizesMissing: String {
        pick("sizes.csv is not in the run directory, so the firm-size distribution is omitted.",
             "运行目录中没有 sizes.csv，因此省略企业规模分布。")
    }
    var sizesEmpty: String { pick("no firm with positive online revenue", "没有线上收入为正的企业") }
}
